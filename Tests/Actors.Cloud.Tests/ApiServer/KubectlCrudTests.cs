using System.Text.Json.Nodes;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>Drives the real kubectl binaries against a fresh in-process server per test.</summary>
public sealed class KubectlCrudTests
{
    private const string PodYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: web}
        spec:
          containers:
          - name: nginx
            image: nginx:1.25
            ports: [{containerPort: 80}]
            env: [{name: A, value: "1"}]
          - name: side
            image: busybox:1.36
        """;

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_CreateGetPatchReplaceDelete_BehavesLikeKubernetes(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        var file = h.WriteFile("pod.yaml", PodYaml);
        Assert.Contains("pod/web created", (await h.KubectlAsync(kubectl, "create", "-f", file)).Ok().Stdout, StringComparison.Ordinal);

        var wide = (await h.KubectlAsync(kubectl, "get", "pods", "-o", "wide")).Ok().Stdout;
        Assert.Matches(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE", wide);
        Assert.Matches(@"web\s+0/2\s+Pending\s+0", wide);
        Assert.Contains("name: web", (await h.KubectlAsync(kubectl, "get", "pod", "web", "-o", "yaml")).Ok().Stdout, StringComparison.Ordinal);
        var json = JsonNode.Parse((await h.KubectlAsync(kubectl, "get", "pod", "web", "-o", "json")).Ok().Stdout)!;
        Assert.False(string.IsNullOrEmpty(json["metadata"]!["uid"]!.GetValue<string>()));
        Assert.Equal("Pending", (await h.KubectlAsync(kubectl, "get", "pod", "web", "-o", "jsonpath={.status.phase}")).Ok().Stdout);
        Assert.Contains("Containers:", (await h.KubectlAsync(kubectl, "describe", "pod", "web")).Ok().Stdout, StringComparison.Ordinal);

        (await h.KubectlAsync(kubectl, "label", "pod", "web", "tier=front")).Ok();
        (await h.KubectlAsync(kubectl, "annotate", "pod", "web", "note=hello")).Ok();
        (await h.KubectlAsync(kubectl, "patch", "pod", "web", "-p", """{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}""")).Ok();
        (await h.KubectlAsync(kubectl, "patch", "pod", "web", "--type=merge", "-p", """{"metadata":{"labels":{"merged":"yes"}}}""")).Ok();
        (await h.KubectlAsync(kubectl, "patch", "pod", "web", "--type=json", "-p", """[{"op":"add","path":"/metadata/labels/jp","value":"ok"}]""")).Ok();

        var pod = JsonNode.Parse((await h.KubectlAsync(kubectl, "get", "pod", "web", "-o", "json")).Ok().Stdout)!;
        var containers = pod["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count); // strategic merge kept the second container (merge key: name)
        Assert.Equal("nginx:1.26", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal(80, containers[0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
        var labels = pod["metadata"]!["labels"]!;
        Assert.Equal("front", labels["tier"]!.GetValue<string>());
        Assert.Equal("yes", labels["merged"]!.GetValue<string>());
        Assert.Equal("ok", labels["jp"]!.GetValue<string>());
        Assert.Equal("hello", pod["metadata"]!["annotations"]!["note"]!.GetValue<string>());
        Assert.Matches(@"web\s+0/2\s+Pending\s+0\s+\S+\s+app=web,jp=ok,merged=yes,tier=front",
            (await h.KubectlAsync(kubectl, "get", "pods", "-l", "app in (web),tier", "--show-labels")).Ok().Stdout);
        Assert.Contains("No resources found", (await h.KubectlAsync(kubectl, "get", "pods", "-l", "tier!=front")).Ok().Stderr, StringComparison.Ordinal);

        var replaced = h.WriteFile("pod2.yaml", PodYaml.Replace("app: web", "app: replaced", StringComparison.Ordinal));
        (await h.KubectlAsync(kubectl, "replace", "-f", replaced)).Ok();
        Assert.Equal("replaced", (await h.KubectlAsync(kubectl, "get", "pod", "web", "-o", "jsonpath={.metadata.labels.app}")).Ok().Stdout);

        Assert.Contains("deleted", (await h.KubectlAsync(kubectl, "delete", "-f", file)).Ok().Stdout, StringComparison.Ordinal);
        var gone = await h.KubectlAsync(kubectl, "get", "pod", "web");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_ApplyClientAndServerSide_CreatesThenUpdates(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        var file = h.WriteFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: \"1\"}\n");
        Assert.Contains("created", (await h.KubectlAsync(kubectl, "apply", "-f", file)).Ok().Stdout, StringComparison.Ordinal);
        File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {b: \"2\"}\n");
        Assert.Contains("configured", (await h.KubectlAsync(kubectl, "apply", "-f", file)).Ok().Stdout, StringComparison.Ordinal);
        var data = JsonNode.Parse((await h.KubectlAsync(kubectl, "get", "cm", "cfg", "-o", "jsonpath={.data}")).Ok().Stdout)!.AsObject();
        Assert.False(data.ContainsKey("a")); // three-way merge removed the key dropped from the file
        Assert.Equal("2", data["b"]!.GetValue<string>());
        Assert.Matches(@"cfg\s+1\s+", (await h.KubectlAsync(kubectl, "get", "cm", "cfg")).Ok().Stdout);

        var ssa = h.WriteFile("ssa.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {x: \"1\"}\n");
        Assert.Contains("serverside-applied", (await h.KubectlAsync(kubectl, "apply", "--server-side", "-f", ssa)).Ok().Stdout, StringComparison.Ordinal);
        File.WriteAllText(ssa, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, labels: {l: v}}\ndata: {x: \"2\"}\n");
        (await h.KubectlAsync(kubectl, "apply", "--server-side", "-f", ssa)).Ok();
        var obj = JsonNode.Parse((await h.KubectlAsync(kubectl, "get", "cm", "ssa", "-o", "json", "--show-managed-fields")).Ok().Stdout)!;
        Assert.Equal("2", obj["data"]!["x"]!.GetValue<string>());
        Assert.Equal("v", obj["metadata"]!["labels"]!["l"]!.GetValue<string>());
        Assert.Equal("kubectl", obj["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_ImperativeCreates_SentAsProtobuf_AreStored(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        (await h.KubectlAsync(kubectl, "create", "namespace", "team")).Ok();
        (await h.KubectlAsync(kubectl, "create", "configmap", "cfg", "-n", "team", "--from-literal=k=v")).Ok();
        (await h.KubectlAsync(kubectl, "create", "secret", "generic", "pw", "-n", "team", "--from-literal=password=hunter2")).Ok();
        (await h.KubectlAsync(kubectl, "create", "serviceaccount", "robot", "-n", "team")).Ok();
        Assert.Equal("v", (await h.KubectlAsync(kubectl, "get", "cm", "cfg", "-n", "team", "-o", "jsonpath={.data.k}")).Ok().Stdout);
        Assert.Equal("aHVudGVyMg==", (await h.KubectlAsync(kubectl, "get", "secret", "pw", "-n", "team", "-o", "jsonpath={.data.password}")).Ok().Stdout);
        Assert.Matches(@"pw\s+Opaque\s+1", (await h.KubectlAsync(kubectl, "get", "secrets", "-n", "team")).Ok().Stdout);
        Assert.Contains("robot", (await h.KubectlAsync(kubectl, "get", "sa", "-n", "team")).Ok().Stdout, StringComparison.Ordinal);
        (await h.KubectlAsync(kubectl, "delete", "namespace", "team")).Ok();
        Assert.NotEqual(0, (await h.KubectlAsync(kubectl, "get", "namespace", "team")).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_EditWithScriptedEditor_SavesTheChange(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        (await h.KubectlAsync(kubectl, "apply", "-f", h.WriteFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: original}\n"))).Ok();
        var editor = h.WriteFile("editor.sh", "#!/bin/sh\nsed -i 's/a: original/a: edited/' \"$1\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var env = new Dictionary<string, string> { ["KUBE_EDITOR"] = editor, ["EDITOR"] = editor };
        Assert.Contains("edited", (await h.KubectlAsync(kubectl, env, "edit", "configmap", "cfg")).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("edited", (await h.KubectlAsync(kubectl, "get", "cm", "cfg", "-o", "jsonpath={.data.a}")).Ok().Stdout);
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_WaitForCondition_ReturnsWhenStatusSubresourceSetsIt(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        (await h.KubectlAsync(kubectl, "create", "-f", h.WriteFile("pod.yaml", PodYaml))).Ok();
        var wait = h.KubectlAsync(kubectl, "wait", "--for=condition=Ready", "pod/web", "--timeout=60s");
        var client = h.Client();
        var patch = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
            },
        };
        using var response = await client.PatchAsync("api/v1/namespaces/default/pods/web/status", ApiServerHarness.Json(patch, "application/merge-patch+json"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("condition met", (await wait).Ok().Stdout, StringComparison.Ordinal);
        Assert.Matches(@"web\s+0/2\s+Running", (await h.KubectlAsync(kubectl, "get", "pods")).Ok().Stdout);
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task KubectlGetWatch_ChangeAfterStart_IsPrinted(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        (await h.KubectlAsync(kubectl, "apply", "-f", h.WriteFile("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n"))).Ok();
        var watch = h.KubectlAsync(kubectl, "get", "configmaps", "-w", "--request-timeout=8s");
        await Poll.UntilAsync(() => ((Actors.Cloud.ApiServer.Storage.SqliteObjectStore)h.Server.Store).WatcherCount > 0, "kubectl get -w to open its watch");
        (await h.KubectlAsync(kubectl, "apply", "-f", h.WriteFile("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: second}\n"))).Ok();
        var output = (await watch).Stdout;
        Assert.Matches(@"first\s+0\s+", output);
        Assert.Matches(@"second\s+0\s+", output);
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_ApiResourcesAndExplain_DescribeServedTypes(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        var resources = (await h.KubectlAsync(kubectl, "api-resources")).Ok().Stdout;
        foreach (var expected in new[] { @"pods\s+po\s+v1\s+true\s+Pod", @"leases\s+coordination.k8s.io/v1\s+true\s+Lease",
            @"devices\s+devices.kubeedge.io/v1beta1\s+true\s+Device", @"ruleendpoints\s+re\s+rules.kubeedge.io/v1\s+true\s+RuleEndpoint",
            @"customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io/v1\s+false" })
        {
            Assert.Matches(expected, resources);
        }

        var explain = (await h.KubectlAsync(kubectl, "explain", "pods.spec.containers")).Ok().Stdout;
        Assert.Contains("image", explain, StringComparison.Ordinal);
        Assert.Contains("env", explain, StringComparison.Ordinal);
        var device = (await h.KubectlAsync(kubectl, "explain", "devices.spec")).Ok().Stdout;
        Assert.Contains("deviceModelRef", device, StringComparison.Ordinal);
        Assert.Contains("nodeName", device, StringComparison.Ordinal);
    }
}
