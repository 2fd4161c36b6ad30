using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Tests.Kubernetes.Models;

public sealed class ModelJsonTests
{
    private const string PodJson = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","uid":"u1","resourceVersion":"9",
         "generation":2,"creationTimestamp":"2026-01-02T03:04:05Z","labels":{"app":"web"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1","uid":"rs1","controller":true}],
         "finalizers":["a/b"]},
         "spec":{"nodeName":"edge-1","hostNetwork":true,"restartPolicy":"Always","serviceAccountName":"sa",
          "nodeSelector":{"node-role.kubernetes.io/edge":""},"tolerations":[{"key":"k","operator":"Exists","effect":"NoSchedule"}],
          "containers":[{"name":"c","image":"busybox","command":["sh"],"args":["-c","sleep 1"],
           "env":[{"name":"A","valueFrom":{"configMapKeyRef":{"name":"cm","key":"a"}}}],
           "envFrom":[{"secretRef":{"name":"s"}}],"ports":[{"containerPort":80,"protocol":"TCP"}],
           "volumeMounts":[{"name":"v","mountPath":"/v"}],
           "livenessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":5},
           "readinessProbe":{"tcpSocket":{"port":8080}},
           "resources":{"limits":{"cpu":"100m","memory":"64Mi"}}}],
          "volumes":[{"name":"v","configMap":{"name":"cm"}},{"name":"s","secret":{"secretName":"s"}},
           {"name":"e","emptyDir":{}},{"name":"h","hostPath":{"path":"/etc","type":"Directory"}},
           {"name":"d","downwardAPI":{"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}}]}},
           {"name":"p","projected":{"sources":[{"serviceAccountToken":{"path":"token","expirationSeconds":3600}},{"secret":{"name":"s2"}}]}}]},
         "status":{"phase":"Running","hostIP":"10.0.0.2","podIP":"10.1.0.5","podIPs":[{"ip":"10.1.0.5"}],"qosClass":"Burstable",
          "startTime":"2026-01-02T03:04:06Z","conditions":[{"type":"Ready","status":"True"}],
          "containerStatuses":[{"name":"c","ready":true,"restartCount":1,"image":"busybox","imageID":"sha256:x",
           "containerID":"containerd://1","state":{"running":{"startedAt":"2026-01-02T03:04:07Z"}}}]}}
        """;

    [Fact]
    public void Pod_RealisticJson_DecodesEveryModelledField()
    {
        var pod = JsonSerializer.Deserialize(PodJson, KubernetesJsonContext.Default.Pod)!;

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), pod.Metadata.CreationTimestamp);
        Assert.True(pod.Metadata.OwnerReferences![0].Controller);
        var container = pod.Spec!.Containers[0];
        Assert.Equal("cm", container.Env![0].ValueFrom!.ConfigMapKeyRef!.Name);
        Assert.Equal(80, container.Ports![0].Port);
        Assert.Equal("http", container.LivenessProbe!.HttpGet!.Port!.Value.StringValue);
        Assert.Equal(8080, container.ReadinessProbe!.TcpSocket!.Port!.Value.IntValue);
        Assert.Equal("64Mi", container.Resources!.Limits!["memory"]);
        Assert.Equal("s2", pod.Spec.Volumes![5].Projected!.Sources![1].Secret!.Name);
        Assert.Equal("metadata.labels", pod.Spec.Volumes[4].DownwardAPI!.Items![0].FieldRef!.FieldPath);
        Assert.Equal("Burstable", pod.Status!.QosClass);
        Assert.Equal("containerd://1", pod.Status.ContainerStatuses![0].ContainerID);
    }

    [Fact]
    public void Pod_RoundTrip_WritesTheSameDocument()
    {
        var pod = JsonSerializer.Deserialize(PodJson, KubernetesJsonContext.Default.Pod)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(pod, KubernetesJsonContext.Default.Pod));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PodJson), written), written!.ToJsonString());
    }

    [Fact]
    public void Node_StatusFields_UseTheApiNames()
    {
        var node = new Node
        {
            Metadata = new ObjectMeta { Name = "edge-1" },
            Status = new NodeStatus
            {
                NodeInfo = new NodeSystemInfo { KubeletVersion = "v1.29.0", MachineID = "m", OsImage = "Debian" },
                DaemonEndpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = 10350 } },
                Addresses = [new NodeAddress { Type = "InternalIP", Address = "10.0.0.2" }],
            },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(node, KubernetesJsonContext.Default.Node))!;

        Assert.Equal(10350, json["status"]!["daemonEndpoints"]!["kubeletEndpoint"]!["Port"]!.GetValue<int>());
        Assert.Equal("m", json["status"]!["nodeInfo"]!["machineID"]!.GetValue<string>());
        Assert.Equal("Debian", json["status"]!["nodeInfo"]!["osImage"]!.GetValue<string>());
        Assert.Null(json["spec"]);
    }

    [Fact]
    public void Secret_Data_IsBase64OnTheWire()
    {
        var secret = JsonSerializer.Deserialize("""{"metadata":{"name":"s"},"data":{"k":"aGVsbG8="}}""", KubernetesJsonContext.Default.Secret)!;

        Assert.Equal("hello"u8.ToArray(), secret.Data!["k"]);
        Assert.Contains("\"k\":\"aGVsbG8=\"", JsonSerializer.Serialize(secret, KubernetesJsonContext.Default.Secret), StringComparison.Ordinal);
    }

    [Fact]
    public void Lease_RenewTime_IsMicroTime()
    {
        var lease = new Lease { Spec = new LeaseSpec { RenewTime = new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero).AddTicks(1234560) } };

        var json = JsonSerializer.Serialize(lease, KubernetesJsonContext.Default.Lease);

        Assert.Contains("\"renewTime\":\"2026-01-01T00:00:01.123456Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_KubeEdgeFields_Decode()
    {
        const string json = """
            {"apiVersion":"devices.kubeedge.io/v1beta1","kind":"Device","metadata":{"name":"thermo","namespace":"default"},
             "spec":{"deviceModelRef":{"name":"thermo-model"},"nodeName":"edge-1",
              "protocol":{"protocolName":"modbus","configData":{"slaveID":1}},
              "properties":[{"name":"temp","desired":{"value":"20","metadata":{"type":"int"}},"reportCycle":1000,"reportToCloud":true,
               "visitors":{"protocolName":"modbus","configData":{"register":"HoldingRegister","offset":2}},
               "pushMethod":{"mqtt":{"address":"tcp://127.0.0.1:1883","topic":"t","qos":1},"otel":{"endpointURL":"http://o"}}}]},
             "status":{"twins":[{"propertyName":"temp","reported":{"value":"21","metadata":{"timestamp":"1"}},
              "observedDesired":{"value":"20"}}],"state":"online"}}
            """;

        var device = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Device)!;

        Assert.Equal("thermo-model", device.Spec!.DeviceModelRef!.Name);
        var property = device.Spec.Properties![0];
        Assert.Equal(("20", "int"), (property.Desired!.Value, property.Desired.Metadata!["type"]));
        Assert.Equal(2, property.Visitors!.ConfigData!.Value.GetProperty("offset").GetInt32());
        Assert.Equal("http://o", property.PushMethod!.Otel!.EndpointUrl);
        Assert.Equal("21", device.Status!.Twins![0].Reported!.Value);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(device, KubernetesJsonContext.Default.Device))));
    }
}
