using System.Text.RegularExpressions;
using Actors.Cloud.Tests.ApiServer;
using YamlDotNet.RepresentationModel;

namespace Actors.Cloud.Tests.Deploy;

/// <summary>The files under deploy/: samples applied for real, manifests consistent, embedded configs valid.</summary>
public sealed partial class DeployFilesTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempConfig _dir = new();

    private static string DeployDir(string sub) => Path.Combine(TempConfig.RepoRoot(), "deploy", sub);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Samples_AppliedWithKubectlToEmbeddedApiServer_EveryObjectCreated()
    {
        Assert.True(File.Exists(Kubectls.Default), "kubectl is required (./test.sh installs it)");
        await using var h = await ApiServerHarness.StartAsync();

        (await h.KubectlAsync(Kubectls.Default, "apply", "-f", DeployDir("samples"))).Ok();

        Assert.Equal("edge-node-1", (await h.KubectlAsync(Kubectls.Default, "get", "pod", "greeter", "-o", "jsonpath={.spec.nodeName}")).Ok().Stdout);
        Assert.Equal("greeter-config", (await h.KubectlAsync(Kubectls.Default, "get", "pod", "greeter", "-o", "jsonpath={.spec.volumes[0].configMap.name}")).Ok().Stdout);
        Assert.Equal("hello from the cloud", (await h.KubectlAsync(Kubectls.Default, "get", "configmap", "greeter-config", "-o", "jsonpath={.data.greeting}")).Ok().Stdout);
        Assert.Equal("thermometer", (await h.KubectlAsync(Kubectls.Default, "get", "device", "room-1", "-o", "jsonpath={.spec.deviceModelRef.name}")).Ok().Stdout);
        Assert.Equal("2", (await h.KubectlAsync(Kubectls.Default, "get", "devicemodel", "thermometer", "-o", "jsonpath={.spec.properties[*].name}")).Ok().Stdout.Split(' ').Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("eventbus", (await h.KubectlAsync(Kubectls.Default, "get", "rule", "alerts-to-edge", "-o", "jsonpath={.spec.target}")).Ok().Stdout);
    }

    [Fact]
    public void KubernetesManifests_EveryDocument_HasKindNameAndNamespace()
    {
        var docs = Documents(DeployDir("kubernetes")).ToList();

        Assert.NotEmpty(docs);
        foreach (var (file, doc) in docs)
        {
            Assert.False(string.IsNullOrEmpty(Scalar(doc, "apiVersion")), file + ": apiVersion");
            Assert.False(string.IsNullOrEmpty(Scalar(doc, "kind")), file + ": kind");
            Assert.False(string.IsNullOrEmpty(Scalar(doc, "metadata", "name")), file + ": metadata.name");
            var clusterScoped = Scalar(doc, "kind") is "Namespace" or "ClusterRole" or "ClusterRoleBinding";
            Assert.Equal(clusterScoped ? null : "edgeactors", Scalar(doc, "metadata", "namespace"));
        }
    }

    [Fact]
    public void KubernetesManifests_ServiceTargetsAndAccount_ExistInDeployment()
    {
        var docs = Documents(DeployDir("kubernetes")).Select(d => d.Doc).ToList();
        var deployment = docs.Single(d => Scalar(d, "kind") == "Deployment");
        var service = docs.Single(d => Scalar(d, "kind") == "Service");
        var container = (YamlMappingNode)Node(deployment, "spec", "template", "spec", "containers")!.AllNodes.OfType<YamlMappingNode>().First();
        var portNames = ((YamlSequenceNode)container.Children[new YamlScalarNode("ports")]).Children
            .Select(p => Scalar((YamlMappingNode)p, "name")).ToHashSet();
        var targets = ((YamlSequenceNode)Node(service, "spec", "ports")!).Children.Select(p => Scalar((YamlMappingNode)p, "targetPort"));

        Assert.All(targets, t => Assert.Contains(t, portNames));
        var account = Scalar(deployment, "spec", "template", "spec", "serviceAccountName");
        Assert.Contains(docs, d => Scalar(d, "kind") == "ServiceAccount" && Scalar(d, "metadata", "name") == account);
        Assert.Contains(docs, d => Scalar(d, "kind") == "ClusterRoleBinding" && Node(d, "subjects")!.AllNodes.OfType<YamlScalarNode>().Any(s => s.Value == account));
    }

    [Fact]
    public async Task KubernetesConfigMap_CloudcoreConf_PassesConfigCheck()
    {
        var map = Documents(DeployDir("kubernetes")).Select(d => d.Doc).Single(d => Scalar(d, "kind") == "ConfigMap");
        var file = _dir.Write("cloudcore.conf", Scalar(map, "data", "cloudcore.conf")!);

        var (exit, _, stderr) = await HostProcess.RunAsync("cloudcore.dll", ["config", "check", file]);

        Assert.True(exit == 0, stderr);
    }

    [Theory]
    [InlineData("cloudcore.service", "cloudcore")]
    [InlineData("edgecore.service", "edgecore")]
    public void SystemdUnit_ExecStart_RunsTheHostWithConfigAndDataDir(string unit, string host)
    {
        var text = File.ReadAllText(Path.Combine(DeployDir("systemd"), unit));

        Assert.Contains("[Unit]", text, StringComparison.Ordinal);
        Assert.Contains("[Install]", text, StringComparison.Ordinal);
        var exec = ExecStart().Match(text);
        Assert.True(exec.Success, unit + " has no ExecStart");
        Assert.Equal("/opt/edgeactors/" + host + "/" + host, exec.Groups[1].Value);
        Assert.Equal("run --config /etc/edgeactors/" + host + ".conf --data-dir /var/lib/edgeactors/" + host, exec.Groups[2].Value.Trim());
        Assert.Contains("KillSignal=SIGTERM", text, StringComparison.Ordinal);
    }

    private static IEnumerable<(string File, YamlMappingNode Doc)> Documents(string dir)
    {
        foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            foreach (var doc in stream.Documents)
            {
                yield return (Path.GetFileName(file), (YamlMappingNode)doc.RootNode);
            }
        }
    }

    private static YamlNode? Node(YamlMappingNode root, params string[] path)
    {
        YamlNode? node = root;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path) => (Node(root, path) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"^ExecStart=(\S+) (.*)$", RegexOptions.Multiline)]
    private static partial Regex ExecStart();
}
