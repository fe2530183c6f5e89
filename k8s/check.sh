#!/usr/bin/env bash
# Renders the Kustomize base and the example overlay and checks them against what the services document,
# without a cluster: every environment variable a Deployment sets must be in README.md's Configuration
# tables and in its own service's README, every required one must be set, secrets must come from the
# Secret and configuration from the ConfigMaps, and ports, probes, security settings, disruption budgets
# and network policies must be in place. Needs kubectl (with its built-in kustomize) or kustomize, and
# python3 with PyYAML. Exits non-zero on the first render error or on any failed check.
#
#   k8s/check.sh                      # base and overlays/example
#   k8s/check.sh overlays/prod        # base and the named overlays (folders under k8s/)
set -euo pipefail

K8S_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$K8S_DIR")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

render() {
  if command -v kubectl >/dev/null 2>&1; then
    kubectl kustomize "$1"
  elif command -v kustomize >/dev/null 2>&1; then
    kustomize build "$1"
  else
    echo "check.sh: neither kubectl nor kustomize is installed" >&2
    return 1
  fi
}

targets=(base "${@:-overlays/example}")
rendered=()
for target in "${targets[@]}"; do
  out=$WORK/$(echo "$target" | tr / -).yaml
  if ! render "$K8S_DIR/$target" >"$out"; then
    echo "FAIL render $target" >&2
    exit 1
  fi
  echo "ok   render $target ($(grep -c '^kind:' "$out") objects)"
  rendered+=("$target" "$out")
done

python3 - "$ROOT" "${rendered[@]}" <<'PYTHON'
import pathlib
import re
import sys

import yaml

root = pathlib.Path(sys.argv[1])
renders = dict(zip(sys.argv[2::2], sys.argv[3::2]))
failures = []
passes = 0

SERVICES = {"identity-service": 8080, "registry-service": 8081, "session-service": 8082}
PORT_VARIABLE = {"identity-service": "IDENTITY_PORT", "registry-service": "REGISTRY_PORT",
                 "session-service": "SESSION_PORT"}
SECRET_NAME = "identity-platform-secrets"
NAME = re.compile(r"`([A-Z][A-Z0-9_]+)`")


def check(condition, message):
    global passes
    if condition:
        passes += 1
    else:
        failures.append(message)
    return condition


def section(text, heading_pattern):
    """The lines of the '## ' section whose heading matches, up to the next '## ' heading."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = re.match(heading_pattern, line[3:]) is not None
            continue
        if inside:
            lines.append(line)
    return lines


def readme_tables():
    """README.md's Configuration tables: {label: {variable: required}}, label from the line before each."""
    tables, label = {}, None
    for line in section((root / "README.md").read_text(), r"Configuration"):
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if label is None or len(cells) < 2 or cells[0] in ("variable", "environment variable"):
                continue
            for variable in NAME.findall(cells[0]):
                tables.setdefault(label, {})[variable] = "*required*" in cells[1]
        elif line.strip().endswith(":"):
            label = line.strip().rstrip(":").strip("`* ")
    return tables


def service_readme_names(service):
    return set(NAME.findall("\n".join(section((root / service / "README.md").read_text(), r"Configuration"))))


tables = readme_tables()
shared = tables.get("Shared by the services", {})
check(shared and all(s in tables for s in SERVICES),
      f"README.md Configuration: expected tables 'Shared by the services' and one per service, found {list(tables)}")

template = yaml.safe_load((root / "k8s/base/secret.template.yaml").read_text())
template_keys = set((template.get("stringData") or {}) | (template.get("data") or {}))
check(template["metadata"]["name"] == SECRET_NAME, f"secret template: name is not {SECRET_NAME}")
check(all(value in ("", None) for value in (template.get("stringData") or {}).values())
      and not template.get("data"),
      "secret template: every value must be an empty placeholder, never a real one")
SECRET_VARIABLES = template_keys

# Commented tunables in the generator files must be documented too, so that the hints stay true.
for env_file in sorted((root / "k8s/base/config").glob("*.env")):
    for line in env_file.read_text().splitlines():
        match = re.match(r"#?\s*([A-Z][A-Z0-9_]+)=", line)
        if match:
            name = match.group(1)
            documented = any(name in table for table in tables.values())
            check(documented, f"{env_file.name}: {name} is not in README.md's Configuration tables")
            check(name not in SECRET_VARIABLES, f"{env_file.name}: secret {name} belongs in the Secret")

# The Containerfile's per-service stage exposes the port the manifests use.
containerfile = (root / "deploy/container/Containerfile.jvm").read_text()
for service, port in SERVICES.items():
    stage = re.search(rf"AS runtime-{service}\s*\nEXPOSE (\d+)", containerfile)
    check(stage and int(stage.group(1)) == port, f"Containerfile.jvm: stage runtime-{service} must EXPOSE {port}")


def documents_of(path):
    with open(path) as stream:
        return [doc for doc in yaml.safe_load_all(stream) if doc]


def matches(selector, labels):
    return all(labels.get(key) == value for key, value in (selector or {}).items())


for render_name, path in renders.items():
    docs = documents_of(path)
    by_kind = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], []).append(doc)
    config_maps = {cm["metadata"]["name"]: cm.get("data") or {} for cm in by_kind.get("ConfigMap", [])}
    services = {svc["metadata"]["name"]: svc for svc in by_kind.get("Service", [])}
    where = f"[{render_name}]"

    check(not by_kind.get("Secret"), f"{where} a Secret is rendered: the real one is created by hand, never applied")
    for name, data in config_maps.items():
        for key in data:
            check(key not in SECRET_VARIABLES, f"{where} ConfigMap {name} holds the secret {key}")

    deployments = {d["spec"]["template"]["metadata"]["labels"].get("app.kubernetes.io/name"): d
                   for d in by_kind.get("Deployment", [])}
    check(set(deployments) == set(SERVICES), f"{where} Deployments {sorted(deployments)} != {sorted(SERVICES)}")

    for service, deployment in deployments.items():
        if service not in SERVICES:
            continue
        at = f"{where} {service}:"
        pod = deployment["spec"]["template"]
        spec = pod["spec"]
        containers = spec["containers"]
        check(len(containers) == 1, f"{at} expected one container")
        container = containers[0]

        # The environment: explicit entries and whole ConfigMaps.
        values, sources = {}, {}
        for entry in container.get("env", []):
            name = entry["name"]
            check(name not in sources, f"{at} {name} set twice")
            source = entry.get("valueFrom", {})
            if "secretKeyRef" in source:
                ref = source["secretKeyRef"]
                check(ref["name"] == SECRET_NAME and ref["key"] in template_keys,
                      f"{at} {name} refers to {ref['name']}/{ref['key']}, not a key of the secret template")
                check(not ref.get("optional"), f"{at} {name}: a secret reference must not be optional")
                sources[name] = "secret"
            elif "configMapKeyRef" in source:
                ref = source["configMapKeyRef"]
                present = ref["name"] in config_maps and ref["key"] in config_maps[ref["name"]]
                check(present, f"{at} {name} refers to missing ConfigMap key {ref['name']}/{ref['key']}")
                sources[name] = "configmap"
                values[name] = config_maps.get(ref["name"], {}).get(ref["key"])
            else:
                sources[name] = "literal"
                values[name] = entry.get("value")
        for env_from in container.get("envFrom", []):
            check("configMapRef" in env_from, f"{at} envFrom may only name ConfigMaps")
            name = env_from.get("configMapRef", {}).get("name")
            check(name in config_maps, f"{at} envFrom names missing ConfigMap {name}")
            for key, value in config_maps.get(name, {}).items():
                check(key not in sources, f"{at} {key} set twice (env and envFrom)")
                sources[key], values[key] = "configmap", value

        own = tables.get(service, {})
        own_readme = service_readme_names(service)
        for name, source in sorted(sources.items()):
            check(name in shared or name in own,
                  f"{at} sets {name}, which README.md's Configuration tables do not list for this service")
            check(name in own_readme or name == "QUARKUS_PROFILE",
                  f"{at} sets {name}, which {service}/README.md's Configuration does not list")
            if name in SECRET_VARIABLES:
                check(source == "secret", f"{at} {name} must come from the Secret, not a {source}")
        required = {name for name, needed in shared.items() if needed} | {n for n, needed in own.items() if needed}
        for name in sorted(required):
            check(name in sources, f"{at} required variable {name} is not set")

        # Ports: the service's *_PORT, the container port, the Service, the scrape annotation.
        port = SERVICES[service]
        check(values.get(PORT_VARIABLE[service]) in (None, str(port)),
              f"{at} {PORT_VARIABLE[service]}={values.get(PORT_VARIABLE[service])} but the port is {port}")
        ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
        check(ports.get("http") == port, f"{at} container port http must be {port}, is {ports.get('http')}")
        svc = services.get(service)
        check(svc is not None and matches(svc["spec"]["selector"], pod["metadata"]["labels"])
              and any(p["port"] == port and p.get("targetPort") in ("http", port) for p in svc["spec"]["ports"]),
              f"{at} Service {service} must select the pods and serve port {port}")
        annotations = pod["metadata"].get("annotations", {})
        expected = {"prometheus.io/scrape": "true", "prometheus.io/path": "/q/metrics", "prometheus.io/port": str(port)}
        check(all(annotations.get(key) == value for key, value in expected.items()),
              f"{at} Prometheus annotations missing or wrong")

        # The service URLs of the /internal/ calls are the cluster Services.
        for variable, target in (("IDENTITY_URL", "identity-service"), ("REGISTRY_URL", "registry-service"),
                                 ("SESSION_URL", "session-service")):
            url = f"http://{target}:{SERVICES[target]}"
            if variable in values:
                check(values[variable] == url and target in services,
                      f"{at} {variable}={values[variable]} is not the cluster Service {url}")

        # Probes.
        for probe, path_ in (("startupProbe", "/q/health/started"), ("readinessProbe", "/q/health/ready"),
                             ("livenessProbe", "/q/health/live")):
            get = container.get(probe, {}).get("httpGet", {})
            check(get.get("path") == path_ and get.get("port") in ("http", port), f"{at} {probe} must GET {path_}")

        # Resources: requests and limits for CPU and memory.
        resources = container.get("resources", {})
        for kind in ("requests", "limits"):
            check({"cpu", "memory"} <= set(resources.get(kind, {})), f"{at} resources.{kind} needs cpu and memory")

        # Security.
        pod_security = spec.get("securityContext", {})
        security = container.get("securityContext", {})
        check(pod_security.get("runAsNonRoot") is True or security.get("runAsNonRoot") is True,
              f"{at} runAsNonRoot must be true")
        seccomp = security.get("seccompProfile") or pod_security.get("seccompProfile", {})
        check(seccomp.get("type") == "RuntimeDefault", f"{at} seccomp profile must be RuntimeDefault")
        check(security.get("readOnlyRootFilesystem") is True, f"{at} readOnlyRootFilesystem must be true")
        check(security.get("allowPrivilegeEscalation") is False, f"{at} allowPrivilegeEscalation must be false")
        check(security.get("capabilities", {}).get("drop") == ["ALL"], f"{at} capabilities must drop ALL")
        tmp = [m for m in container.get("volumeMounts", []) if m["mountPath"] == "/tmp"]
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        check(len(tmp) == 1 and "emptyDir" in volumes.get(tmp[0]["name"], {}), f"{at} /tmp must be an emptyDir")
        check(spec.get("automountServiceAccountToken") is False, f"{at} automountServiceAccountToken must be false")
        check(spec.get("enableServiceLinks") is False, f"{at} enableServiceLinks must be false")

        # Availability: replicas, spread, disruption budget.
        check(deployment["spec"].get("replicas", 1) >= 2, f"{at} at least 2 replicas")
        check(len(spec.get("topologySpreadConstraints", [])) >= 1, f"{at} topology spread constraints missing")
        budgets = [b for b in by_kind.get("PodDisruptionBudget", [])
                   if matches(b["spec"]["selector"].get("matchLabels"), pod["metadata"]["labels"])]
        check(len(budgets) == 1, f"{at} expected one PodDisruptionBudget, found {len(budgets)}")

        # Network: a policy admits traffic to the pods; identity forwards headers only behind the ingress.
        policies = [p for p in by_kind.get("NetworkPolicy", [])
                    if p["spec"]["podSelector"].get("matchLabels")
                    and matches(p["spec"]["podSelector"]["matchLabels"], pod["metadata"]["labels"])]
        check(len(policies) == 1, f"{at} expected one NetworkPolicy for its pods, found {len(policies)}")

    check(any(p["spec"]["podSelector"] == {} and p["spec"].get("policyTypes") == ["Ingress"]
              and not p["spec"].get("ingress") for p in by_kind.get("NetworkPolicy", [])),
          f"{where} a default-deny ingress NetworkPolicy is missing")

    identity = deployments.get("identity-service")
    if identity is not None:
        forwarding = None
        for env_from in identity["spec"]["template"]["spec"]["containers"][0].get("envFrom", []):
            forwarding = config_maps.get(env_from["configMapRef"]["name"], {}).get("PROXY_FORWARDING", forwarding)
        check(forwarding == "true", f"{where} identity-service must run with PROXY_FORWARDING=true behind the ingress")
        ingresses = by_kind.get("Ingress", [])
        paths = [(path_["path"], path_["backend"]["service"]["name"])
                 for ingress in ingresses for rule in ingress["spec"].get("rules", [])
                 for path_ in rule.get("http", {}).get("paths", [])]
        check(("/id", "identity-service") in paths, f"{where} the Ingress must route /id to identity-service")
        check(all(p.startswith("/id") for p, _ in paths),
              f"{where} the Ingress routes more than /id ({paths}): never /internal or /q")

    namespaces = by_kind.get("Namespace", [])
    check(len(namespaces) == 1 and namespaces[0]["metadata"].get("labels", {})
          .get("pod-security.kubernetes.io/enforce") == "restricted",
          f"{where} the namespace must enforce the restricted Pod Security Standard")

for failure in failures:
    print(f"FAIL {failure}")
print(f"check: {passes} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
PYTHON
