using System.Text;
using System.Text.Json.Nodes;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Runtime;
using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>Kubernetes' <c>$(VAR)</c> expansion and how the container config applies it.</summary>
public sealed class VariableExpansionTests
{
    private static string? Lookup(string name) => name switch
    {
        "NODE" => "edge-1",
        "EMPTY" => string.Empty,
        _ => null,
    };

    [Theory]
    [InlineData("--node=$(NODE)", "--node=edge-1")]
    [InlineData("$(NODE)$(NODE)", "edge-1edge-1")]
    [InlineData("$(UNDEFINED) stays", "$(UNDEFINED) stays")]
    [InlineData("$$(NODE) is escaped", "$(NODE) is escaped")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("$HOME and $", "$HOME and $")]
    [InlineData("[$(EMPTY)]", "[]")]
    [InlineData("$(unclosed", "$(unclosed")]
    [InlineData("no variables", "no variables")]
    public void Expand_Input_KubernetesRules(string input, string expected)
    {
        Assert.Equal(expected, VariableExpansion.Expand(input, Lookup));
    }

    [Fact]
    public void ContainerConfig_LiteralValuesCommandAndArgs_ExpandedWithEarlierVariablesAndDownwardFields()
    {
        var container = PodJson.Shell("a", "busybox", "true");
        container["command"] = new JsonArray("/bin/agent", "--node=$(MY_NODE)");
        container["args"] = new JsonArray("--url=$(URL)", "--later=$(LATER)");
        container["env"] = new JsonArray(
            new JsonObject { ["name"] = "MY_NODE", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "spec.nodeName" } } },
            new JsonObject { ["name"] = "URL", ["value"] = "http://$(MY_NODE):8080/$(LATER)" },
            new JsonObject { ["name"] = "LATER", ["value"] = "x" });
        var json = PodJson.Pod("p", "Never", container);
        json["spec"]!["nodeName"] = "edge-7";
        var pod = PodSpecParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()));

        var config = CriConfigs.Container(pod, pod.Containers[0], 0, new Dictionary<string, string>(), true,
            new PodAddresses("edge-7", "10.0.0.1", "10.0.0.1"));

        var env = config.Envs.ToDictionary(e => e.Key, e => e.Value.ToStringUtf8());
        Assert.Equal("http://edge-7:8080/$(LATER)", env["URL"]); // only variables defined earlier
        Assert.Equal(["/bin/agent", "--node=edge-7"], config.Command);
        Assert.Equal(["--url=http://edge-7:8080/$(LATER)", "--later=x"], config.Args);
    }
}
