using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Volumes;
using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>A container's environment from configmaps and secrets (env valueFrom and envFrom), with kubelet's rules.</summary>
public sealed class EnvResolverTests
{
    private sealed class Objects : IMetaQuery
    {
        public Dictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);

        public Task<JsonElement?> QueryAsync(string ns, string type, string name, CancellationToken cancellationToken) =>
            Task.FromResult(Stored.TryGetValue(ns + "/" + type + "/" + name, out var json) ? JsonDocument.Parse(json).RootElement.Clone() : (JsonElement?)null);
    }

    private readonly Objects _objects = new();

    public EnvResolverTests()
    {
        _objects.Stored["default/configmap/app"] = """{"metadata":{"name":"app"},"data":{"MODE":"edge","LEVEL":"3","bad key":"x","1ST":"y"}}""";
        _objects.Stored["default/secret/creds"] = "{\"metadata\":{\"name\":\"creds\"},\"data\":{\"TOKEN\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cret")) + "\"}}";
    }

    private static ContainerModel Container(JsonArray? env = null, JsonArray? envFrom = null)
    {
        var container = PodJson.Shell("a", "busybox", "true");
        if (env is not null)
        {
            container["env"] = env;
        }

        if (envFrom is not null)
        {
            container["envFrom"] = envFrom;
        }

        var pod = PodJson.Pod("p", "Never", container);
        return PodSpecParser.Parse(Encoding.UTF8.GetBytes(pod.ToJsonString())).Containers[0];
    }

    private static PodModel Pod() => PodSpecParser.Parse(Encoding.UTF8.GetBytes(PodJson.Pod("p", "Never", PodJson.Shell("a", "busybox", "true")).ToJsonString()));

    private static JsonObject KeyRef(string name, string kind, string source, string key, bool optional = false) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { [kind] = new JsonObject { ["name"] = source, ["key"] = key, ["optional"] = optional } },
    };

    private Task<IReadOnlyList<EnvVarModel>> ResolveAsync(ContainerModel container) =>
        new EnvResolver(_objects).ResolveAsync(Pod(), container, CancellationToken.None);

    [Fact]
    public async Task Resolve_EnvFromThenEnv_PrefixedValidKeysAndLaterEntriesWin()
    {
        var container = Container(
            env: new JsonArray(new JsonObject { ["name"] = "CFG_MODE", ["value"] = "override" }, KeyRef("TOKEN", "secretKeyRef", "creds", "TOKEN")),
            envFrom: new JsonArray(new JsonObject { ["prefix"] = "CFG_", ["configMapRef"] = new JsonObject { ["name"] = "app" } }));

        var env = await ResolveAsync(container);

        Assert.Equal(
            [("CFG_MODE", "override"), ("CFG_LEVEL", "3"), ("CFG_1ST", "y"), ("TOKEN", "s3cret")],
            env.Select(e => (e.Name, e.Value)).ToList());
    }

    [Fact]
    public async Task Resolve_OptionalMissing_VariableLeftOut()
    {
        var container = Container(
            env: new JsonArray(KeyRef("A", "configMapKeyRef", "absent", "k", optional: true), KeyRef("B", "configMapKeyRef", "app", "nope", optional: true)),
            envFrom: new JsonArray(new JsonObject { ["secretRef"] = new JsonObject { ["name"] = "absent", ["optional"] = true } }));

        Assert.Empty(await ResolveAsync(container));
    }

    [Theory]
    [InlineData("absent", "MODE", "configmap \"absent\" not found")]
    [InlineData("app", "NOPE", "couldn't find key NOPE in configmap default/app")]
    public async Task Resolve_RequiredMissing_ContainerConfigError(string source, string key, string message)
    {
        var container = Container(env: new JsonArray(KeyRef("X", "configMapKeyRef", source, key)));

        var e = await Assert.ThrowsAsync<ContainerConfigException>(() => ResolveAsync(container));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task Resolve_SecretNotBase64_ClearError()
    {
        _objects.Stored["default/secret/broken"] = """{"metadata":{"name":"broken"},"data":{"K":"not base64!"}}""";
        var container = Container(env: new JsonArray(KeyRef("K", "secretKeyRef", "broken", "K")));

        var e = await Assert.ThrowsAsync<ContainerConfigException>(() => ResolveAsync(container));

        Assert.Contains("not base64", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"E","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu"}}}""", "fieldRef, configMapKeyRef and secretKeyRef")]
    [InlineData("""{"name":"E","valueFrom":{"configMapKeyRef":{"name":"x"}}}""", "needs a name and a key")]
    public void Parse_BadEnvSource_Rejected(string entry, string reason)
    {
        var container = PodJson.Shell("a", "busybox", "true");
        container["env"] = new JsonArray(JsonNode.Parse(entry));

        var e = Assert.Throws<PodSpecException>(() => PodSpecParser.Parse(Encoding.UTF8.GetBytes(PodJson.Pod("p", "Never", container).ToJsonString())));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
