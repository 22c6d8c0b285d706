#!/usr/bin/env python3
"""Check the deployment files in deploy/ against each other and against crosshub's options.

Parses every Kubernetes manifest and the compose file as YAML and checks that
the probes, ports, selectors, model ConfigMap and KEDA limits agree, and that
the files use only flags and CROSSHUB_* variables that `crosshub run --help`
documents. The help comes from --run-help FILE, or from running
`BINARY run --help` with --crosshub BINARY (default: .build/debug/crosshub
of the repository).

Prints one line per failed check and a closing "N passed, N failed" line.
Exits 1 when a check failed, and 2 when a file cannot be read or parsed or
the help is not available.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("python3 has no yaml module: run 'make deps' or 'pip install pyyaml'")
    sys.exit(2)

class RunOptions:
    """The flags of `crosshub run` with their variables and defaults, read from its help text."""

    def __init__(self, help_text):
        self.variables = {}
        self.defaults = {}
        flag = None
        for line in help_text.splitlines():
            match = re.match(r"^  --([a-z][a-z0-9-]*)( VALUE)?$", line)
            if match:
                flag = match.group(1)
                self.variables.setdefault(flag, None)
                continue
            details = re.match(r"^      \((.*)\)$", line)
            if flag and details:
                for part in details.group(1).split("; "):
                    if part.startswith("env "):
                        self.variables[flag] = part[len("env "):]
                    elif part.startswith("default "):
                        self.defaults[flag] = part[len("default "):]

    @property
    def flags(self):
        return set(self.variables)

    @property
    def all_variables(self):
        return {name for name in self.variables.values() if name}

    def variable(self, flag):
        return self.variables.get(flag)


INPUT_TOPIC_FLAGS = ["marketing-topic", "sales-topic", "service-topic"]
# The values of --guarantee (DeliveryGuarantee in the service). Deployments set it explicitly.
GUARANTEES = {"exactly-once", "at-least-once"}


def read_run_help(arguments, root):
    if arguments.run_help:
        try:
            return arguments.run_help.read_text()
        except OSError as error:
            print("cannot read %s: %s" % (arguments.run_help, error))
            sys.exit(2)
    binary = arguments.crosshub or root / ".build" / "debug" / "crosshub"
    try:
        run = subprocess.run([str(binary), "run", "--help"], capture_output=True, text=True, timeout=60)
    except OSError as error:
        print("cannot run %s run --help: %s; build it with 'swift build', or pass --crosshub BINARY or --run-help FILE"
              % (binary, error))
        sys.exit(2)
    if run.returncode != 0:
        print("%s run --help exited %d: %s" % (binary, run.returncode, run.stderr.strip()))
        sys.exit(2)
    return run.stdout


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)


def load_documents(path):
    try:
        return [document for document in yaml.safe_load_all(path.read_text()) if document is not None]
    except (OSError, yaml.YAMLError) as error:
        print("cannot read %s: %s" % (path, error))
        sys.exit(2)


def find(documents, kind):
    matches = [document for document in documents if document.get("kind") == kind]
    return matches[0] if len(matches) == 1 else None


def container_env(container):
    return {entry["name"]: entry for entry in container.get("env", [])}


def flags_in(arguments):
    return [argument[2:].split("=", 1)[0] for argument in arguments if argument.startswith("--")]


def check_kubernetes(directory, root, options, checks):
    documents = []
    for path in sorted(directory.glob("*.yaml")):
        documents += load_documents(path)

    deployment = find(documents, "Deployment")
    config_map = find(documents, "ConfigMap")
    service = find(documents, "Service")
    budget = find(documents, "PodDisruptionBudget")
    scaled = find(documents, "ScaledObject")
    for name, document in [("Deployment", deployment), ("ConfigMap", config_map), ("Service", service),
                           ("PodDisruptionBudget", budget), ("ScaledObject", scaled)]:
        checks.expect(document is not None, "kubernetes: expected exactly one %s" % name)
    if None in (deployment, config_map, service, budget, scaled):
        return

    pod = deployment["spec"]["template"]
    pod_labels = pod["metadata"]["labels"]
    checks.expect(deployment["spec"]["selector"]["matchLabels"].items() <= pod_labels.items(),
                  "Deployment selector does not match its pod labels")
    containers = pod["spec"]["containers"]
    checks.expect(len(containers) == 1, "Deployment: expected one container, found %d" % len(containers))
    container = containers[0]
    env = container_env(container)
    ports = {port["name"]: port["containerPort"] for port in container.get("ports", [])}

    checks.expect(container.get("args", [None])[0] == "run", "Deployment: container args must start with 'run'")
    for flag in flags_in(container.get("args", []) + container.get("command", [])):
        checks.expect(flag in options.flags, "Deployment: flag --%s is not a documented crosshub run flag" % flag)
    for name in env:
        if name.startswith("CROSSHUB_"):
            checks.expect(name in options.all_variables,
                          "Deployment: variable %s is not a documented crosshub run variable" % name)

    for probe, path in [("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")]:
        get = container.get(probe, {}).get("httpGet", {})
        checks.expect(get.get("path") == path, "Deployment: %s must GET %s, found %r" % (probe, path, get.get("path")))
        port = get.get("port")
        checks.expect(port in ports or port in ports.values(), "Deployment: %s port %r is not a container port" % (probe, port))

    guarantee = env.get(options.variable("guarantee"), {}).get("value")
    checks.expect(guarantee in GUARANTEES, "Deployment: %s must be one of %s, found %r"
                  % (options.variable("guarantee"), sorted(GUARANTEES), guarantee))

    http_port = env.get(options.variable("http-port"), {}).get("value")
    checks.expect(http_port is not None and int(http_port) == ports.get("http"),
                  "Deployment: CROSSHUB_HTTP_PORT %r differs from the container port 'http' %r" % (http_port, ports.get("http")))

    model_path = env.get(options.variable("model"), {}).get("value", "")
    mounts = {mount["name"]: mount["mountPath"] for mount in container.get("volumeMounts", [])}
    volumes = {volume["name"]: volume for volume in pod["spec"].get("volumes", [])}
    mounted = [(name, path) for name, path in mounts.items()
               if volumes.get(name, {}).get("configMap", {}).get("name") == config_map["metadata"]["name"]]
    checks.expect(len(mounted) == 1, "Deployment: the model ConfigMap must be mounted once")
    if mounted:
        items = volumes[mounted[0][0]]["configMap"].get("items", [])
        files = [mounted[0][1].rstrip("/") + "/" + item["path"] for item in items]
        checks.expect(model_path in files, "Deployment: CROSSHUB_MODEL %r is not a file of the mounted ConfigMap %r" % (model_path, files))

    model_text = config_map.get("data", {}).get("model.json")
    expected_model = json.loads((root / "models" / "default.json").read_text())
    checks.expect(model_text is not None and json.loads(model_text) == expected_model,
                  "ConfigMap: model.json differs from models/default.json; regenerate configmap-model.yaml")

    for name, document in [("Service", service), ("PodDisruptionBudget", budget)]:
        selector = document["spec"]["selector"]
        selector = selector.get("matchLabels", selector)
        checks.expect(selector.items() <= pod_labels.items(), "%s selector does not match the Deployment's pods" % name)
    for port in service["spec"]["ports"]:
        checks.expect(port.get("targetPort") in ports or port.get("targetPort") in ports.values(),
                      "Service: targetPort %r is not a container port" % port.get("targetPort"))

    checks.expect(scaled["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"],
                  "ScaledObject: scaleTargetRef must name the Deployment")
    partitions = topic_script_partitions(root)
    checks.expect(scaled["spec"].get("maxReplicaCount") == partitions,
                  "ScaledObject: maxReplicaCount %r must equal the input partition count %d"
                  % (scaled["spec"].get("maxReplicaCount"), partitions))
    topics = {flag: env.get(options.variable(flag), {}).get("value", options.defaults.get(flag))
              for flag in INPUT_TOPIC_FLAGS}
    triggers = scaled["spec"].get("triggers", [])
    checks.expect(sorted(t["metadata"].get("topic") for t in triggers) == sorted(topics.values()),
                  "ScaledObject: expected one kafka trigger per input topic %s" % sorted(topics.values()))
    group = env.get(options.variable("group-id"), {}).get("value")
    brokers = env.get(options.variable("brokers"), {}).get("value")
    for trigger in triggers:
        metadata = trigger["metadata"]
        checks.expect(trigger["type"] == "kafka", "ScaledObject: trigger type %r is not kafka" % trigger["type"])
        checks.expect(metadata.get("consumerGroup") == group,
                      "ScaledObject: consumerGroup %r differs from CROSSHUB_GROUP_ID %r" % (metadata.get("consumerGroup"), group))
        checks.expect(metadata.get("bootstrapServers") == brokers,
                      "ScaledObject: bootstrapServers %r differs from CROSSHUB_BROKERS %r" % (metadata.get("bootstrapServers"), brokers))
        checks.expect(metadata.get("allowIdleConsumers") == "false",
                      "ScaledObject: allowIdleConsumers must be \"false\" so replicas stay at or below the partition count")


def topic_script_partitions(root):
    match = re.search(r"^partitions=(\d+)$", (root / "deploy" / "create-topics.sh").read_text(), re.MULTILINE)
    return int(match.group(1)) if match else -1


def check_compose(path, options, checks):
    documents = load_documents(path)
    checks.expect(len(documents) == 1, "compose: expected one document")
    services = documents[0].get("services", {})
    kafka = services.get("kafka", {})
    roles = kafka.get("environment", {}).get("KAFKA_PROCESS_ROLES", "")
    checks.expect("controller" in roles and "broker" in roles, "compose: kafka must run in KRaft mode (broker,controller)")
    checks.expect("KAFKA_ZOOKEEPER_CONNECT" not in kafka.get("environment", {}), "compose: kafka must not use ZooKeeper")
    crosshub = services.get("crosshub", {})
    checks.expect(bool(crosshub), "compose: expected a crosshub service")
    for name in crosshub.get("environment", {}):
        if name.startswith("CROSSHUB_"):
            checks.expect(name in options.all_variables,
                          "compose: variable %s is not a documented crosshub run variable" % name)
    for flag in flags_in(crosshub.get("command", []) or []):
        checks.expect(flag in options.flags, "compose: flag --%s is not a documented crosshub run flag" % flag)
    guarantee = crosshub.get("environment", {}).get(options.variable("guarantee"))
    checks.expect(guarantee in GUARANTEES, "compose: %s must be one of %s, found %r"
                  % (options.variable("guarantee"), sorted(GUARANTEES), guarantee))
    dependency = crosshub.get("depends_on", {}).get("topics", {}).get("condition")
    checks.expect(dependency == "service_completed_successfully", "compose: crosshub must wait for the topics job to succeed")


def check_variables_everywhere(deploy, options, checks):
    for path in sorted(deploy.rglob("*")):
        if not path.is_file() or path.name == "check-manifests.py":
            continue
        for name in sorted(set(re.findall(r"\bCROSSHUB_[A-Z0-9_]+", path.read_text(errors="replace")))):
            checks.expect(name in options.all_variables, "%s: variable %s is not a documented crosshub run variable"
                          % (path.relative_to(deploy.parent), name))


def check_run_help(options, checks):
    """Checks that the help was parsed: every flag the checks rely on has its variable."""
    for flag in ["brokers", "group-id", "guarantee", "model", "http-port"] + INPUT_TOPIC_FLAGS:
        checks.expect(options.variable(flag) is not None,
                      "crosshub run --help does not document --%s with its CROSSHUB_* variable" % flag)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deploy-dir", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parent,
                        help="the deploy folder to check (default: the folder of this script)")
    parser.add_argument("--run-help", type=pathlib.Path, help="a file with the output of 'crosshub run --help'")
    parser.add_argument("--crosshub", type=pathlib.Path,
                        help="the crosshub binary to run for its help (default: .build/debug/crosshub)")
    arguments = parser.parse_args()

    deploy = arguments.deploy_dir.resolve()
    root = deploy.parent
    options = RunOptions(read_run_help(arguments, root))
    checks = Checks()
    check_run_help(options, checks)
    check_kubernetes(deploy / "kubernetes", root, options, checks)
    check_compose(deploy / "compose.yaml", options, checks)
    check_variables_everywhere(deploy, options, checks)

    for failure in checks.failures:
        print(failure)
    print("%d passed, %d failed" % (checks.passed, len(checks.failures)))
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
