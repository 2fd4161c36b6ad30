using System.Text.Json.Nodes;
using static Actors.Cloud.ApiServer.OpenApi.S;

namespace Actors.Cloud.ApiServer.OpenApi;

/// <summary>
/// Reduced OpenAPI v3 schemas of the built-in kinds: they list the fields this server understands (for kubectl explain
/// and patch merge keys). The top-level apiVersion/kind/metadata properties are added by <see cref="OpenApiBuilder"/>.
/// </summary>
public static class CoreSchemas
{
    public static JsonObject? For(string kind) => kind switch
    {
        "Pod" => Obj("Pod is a collection of containers that can run on a host.", ("spec", PodSpec()), ("status", PodStatus())),
        "Node" => Obj("Node is a worker node.", ("spec", NodeSpec()), ("status", NodeStatus())),
        "Namespace" => Obj("Namespace provides a scope for Names.",
            ("spec", Obj("Spec of the namespace.", ("finalizers", StrList("Finalizers of the namespace.")))),
            ("status", Obj("Status of the namespace.", ("phase", Str("Active or Terminating."))))),
        "ConfigMap" => Obj("ConfigMap holds configuration data for pods to consume.",
            ("data", Map("Configuration data.")), ("binaryData", Map("Binary data, base64.")), ("immutable", Bool("Immutable."))),
        "Secret" => Obj("Secret holds secret data of a certain type.",
            ("data", Map("Secret data, base64-encoded.")), ("stringData", Map("Write-only plain data merged into data.")),
            ("type", Str("Type of the secret (default Opaque).")), ("immutable", Bool("Immutable."))),
        "Service" => Obj("Service is a named abstraction of software service.", ("spec", ServiceSpec()),
            ("status", Any("Most recently observed status of the service."))),
        "Endpoints" => Obj("Endpoints is a collection of endpoints that implement the actual service.",
            ("subsets", Arr("Sets of addresses and ports.", Obj("An endpoint subset.",
                ("addresses", Arr("Ready addresses.", Any("An endpoint address."))),
                ("notReadyAddresses", Arr("Not ready addresses.", Any("An endpoint address."))),
                ("ports", Arr("Ports.", Obj("A port.", ("name", Str("Name.")), ("port", Int("Port.")), ("protocol", Str("Protocol."))))))))),
        "Event" => EventSchema(),
        "ServiceAccount" => Obj("ServiceAccount binds together a name and secrets.",
            ("secrets", Arr("Secrets.", Any("Object reference."))), ("imagePullSecrets", Arr("Pull secrets.", Obj("Reference.", ("name", Str("Name."))))),
            ("automountServiceAccountToken", Bool("Automount token."))),
        "Lease" => Obj("Lease defines a lease concept.", ("spec", Obj("Specification of the Lease.",
            ("holderIdentity", Str("Holder of the lease.")), ("leaseDurationSeconds", Int("Duration candidates wait to force acquire.")),
            ("acquireTime", new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When the lease was acquired." }),
            ("renewTime", new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When the holder last renewed." }),
            ("leaseTransitions", Int("Number of holder transitions."))))),
        "CustomResourceDefinition" => Obj("CustomResourceDefinition represents a resource that should be exposed on the API server.",
            ("spec", Any("Spec describes how the user wants the resources to appear.")),
            ("status", Any("Status of the CustomResourceDefinition."))),
        _ => null,
    };

    private static JsonObject Container() => Obj("A single application container.",
        ("name", Str("Name of the container (DNS label).")), ("image", Str("Container image name.")),
        ("command", StrList("Entrypoint array.")), ("args", StrList("Arguments to the entrypoint.")),
        ("workingDir", Str("Working directory.")), ("imagePullPolicy", Str("Always, Never or IfNotPresent.")),
        ("ports", Keyed("Ports to expose.", "containerPort", Obj("A network port.", ("name", Str("Port name.")),
            ("containerPort", Int("Port number.")), ("hostPort", Int("Host port.")), ("protocol", Str("TCP, UDP or SCTP."))).Required("containerPort"))),
        ("env", Keyed("Environment variables.", "name", Obj("An environment variable.", ("name", Str("Name.")),
            ("value", Str("Value.")), ("valueFrom", Any("Source of the value."))).Required("name"))),
        ("envFrom", Arr("Sources of environment variables.", Any("A source."))),
        ("resources", Obj("Compute resources.", ("limits", Any("Limits.")), ("requests", Any("Requests.")))),
        ("volumeMounts", Keyed("Volumes to mount.", "mountPath", Obj("A volume mount.", ("name", Str("Volume name.")),
            ("mountPath", Str("Path in the container.")), ("readOnly", Bool("Read-only.")), ("subPath", Str("Sub-path."))))),
        ("livenessProbe", Any("Liveness probe.")), ("readinessProbe", Any("Readiness probe.")),
        ("startupProbe", Any("Startup probe.")), ("securityContext", Any("Security options.")),
        ("stdin", Bool("Allocate stdin.")), ("tty", Bool("Allocate a TTY."))).Required("name");

    private static JsonObject PodSpec() => Obj("Specification of the desired behavior of the pod.",
        ("containers", Keyed("Containers of the pod.", "name", Container())),
        ("initContainers", Keyed("Init containers.", "name", Container())),
        ("volumes", Keyed("Volumes.", "name", Obj("A volume.", ("name", Str("Volume name.")),
            ("configMap", Any("ConfigMap source.")), ("secret", Any("Secret source.")), ("emptyDir", Any("EmptyDir.")),
            ("hostPath", Any("Host path.")), ("persistentVolumeClaim", Any("PVC source.")), ("projected", Any("Projected.")),
            ("downwardAPI", Any("Downward API."))).Required("name"))),
        ("nodeName", Str("Node the pod is bound to.")), ("nodeSelector", Map("Node label selector.")),
        ("restartPolicy", Str("Always, OnFailure or Never.")), ("serviceAccountName", Str("Service account.")),
        ("hostNetwork", Bool("Use the host network.")), ("dnsPolicy", Str("DNS policy.")),
        ("terminationGracePeriodSeconds", Int("Grace period for termination.")),
        ("tolerations", Arr("Tolerations.", Any("A toleration."))), ("affinity", Any("Scheduling constraints.")),
        ("imagePullSecrets", Keyed("Pull secrets.", "name", Obj("A reference.", ("name", Str("Name."))))),
        ("priority", Int("Priority.")), ("priorityClassName", Str("Priority class.")), ("schedulerName", Str("Scheduler.")),
        ("securityContext", Any("Pod security attributes.")), ("hostname", Str("Hostname.")));

    private static JsonObject PodStatus() => Obj("Most recently observed status of the pod.",
        ("phase", Str("Pending, Running, Succeeded, Failed or Unknown.")),
        ("conditions", Keyed("Current service state of the pod.", "type", Condition())),
        ("hostIP", Str("Host IP.")), ("podIP", Str("Pod IP.")), ("podIPs", Keyed("Pod IPs.", "ip", Obj("An IP.", ("ip", Str("IP."))))),
        ("startTime", Time("Start time.")), ("qosClass", Str("QoS class.")), ("message", Str("Message.")), ("reason", Str("Reason.")),
        ("containerStatuses", Arr("Container statuses.", Obj("A container status.", ("name", Str("Name.")), ("ready", Bool("Ready.")),
            ("restartCount", Int("Restarts.")), ("image", Str("Image.")), ("imageID", Str("Image ID.")), ("containerID", Str("Container ID.")),
            ("started", Bool("Started.")), ("state", Any("State.")), ("lastState", Any("Last state."))))));

    private static JsonObject Condition() => Obj("A condition.", ("type", Str("Type.")), ("status", Str("True, False or Unknown.")),
        ("lastProbeTime", Time("Last probe.")), ("lastTransitionTime", Time("Last transition.")), ("lastHeartbeatTime", Time("Last heartbeat.")),
        ("reason", Str("Reason.")), ("message", Str("Message."))).Required("type", "status");

    private static JsonObject NodeSpec() => Obj("Spec of the node.", ("podCIDR", Str("Pod CIDR.")), ("podCIDRs", StrList("Pod CIDRs.")),
        ("providerID", Str("Provider ID.")), ("unschedulable", Bool("Unschedulable.")), ("taints", Arr("Taints.", Any("A taint."))));

    private static JsonObject NodeStatus() => Obj("Most recently observed status of the node.",
        ("conditions", Keyed("Node conditions.", "type", Condition())),
        ("addresses", Keyed("Addresses.", "type", Obj("An address.", ("type", Str("Hostname, InternalIP, ExternalIP.")), ("address", Str("Address."))))),
        ("capacity", Any("Capacity.")), ("allocatable", Any("Allocatable.")), ("phase", Str("Phase.")),
        ("nodeInfo", Obj("Node information.", ("kubeletVersion", Str("Kubelet version.")), ("osImage", Str("OS image.")),
            ("kernelVersion", Str("Kernel.")), ("containerRuntimeVersion", Str("Runtime.")), ("architecture", Str("Architecture.")),
            ("operatingSystem", Str("OS.")), ("machineID", Str("Machine ID.")), ("systemUUID", Str("System UUID.")), ("bootID", Str("Boot ID.")),
            ("kubeProxyVersion", Str("Kube-proxy version.")))),
        ("daemonEndpoints", Any("Daemon endpoints.")), ("images", Arr("Images.", Any("An image."))));

    private static JsonObject ServiceSpec() => Obj("Spec of the service.",
        ("type", Str("ClusterIP, NodePort, LoadBalancer or ExternalName.")), ("clusterIP", Str("Cluster IP.")),
        ("clusterIPs", StrList("Cluster IPs.")), ("selector", Map("Pod selector.")), ("externalName", Str("External name.")),
        ("sessionAffinity", Str("Session affinity.")), ("externalIPs", StrList("External IPs.")),
        ("ports", Keyed("Ports.", "port", Obj("A service port.", ("name", Str("Name.")), ("port", Int("Port.")),
            ("targetPort", IntOrString("Target port.")), ("nodePort", Int("Node port.")), ("protocol", Str("Protocol."))).Required("port"))));

    private static JsonObject EventSchema() => Obj("Event is a report of an event somewhere in the cluster.",
        ("involvedObject", Obj("The object this event is about.", ("kind", Str("Kind.")), ("namespace", Str("Namespace.")),
            ("name", Str("Name.")), ("uid", Str("UID.")), ("apiVersion", Str("API version.")), ("resourceVersion", Str("RV.")),
            ("fieldPath", Str("Field path.")))),
        ("reason", Str("Reason.")), ("message", Str("Message.")), ("type", Str("Normal or Warning.")),
        ("source", Any("Component reporting.")), ("count", Int("Times seen.")), ("firstTimestamp", Time("First seen.")),
        ("lastTimestamp", Time("Last seen.")), ("eventTime", new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Event time." }),
        ("reportingComponent", Str("Reporting component.")), ("reportingInstance", Str("Reporting instance.")),
        ("action", Str("Action.")));
}
