using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.Router;

namespace Actors.Cloud.Tests.Router;

public sealed class RuleTableTests
{
    private static RuleEndpoint Endpoint(string name, string type) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Spec = new RuleEndpointSpec { RuleEndpointType = type } };

    private static Rule Rule(string name, string source, string path, string target = "bus") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new RuleSpec { Source = source, SourceResource = new() { ["path"] = path }, Target = target, TargetResource = new() { ["topic"] = "t" } },
    };

    [Fact]
    public void MatchRest_ParameterAndLongerRules_MostSpecificWinsAndRestKept()
    {
        var table = RuleTable.Build(
            [Rule("short", "rest", "/a"), Rule("long", "rest", "/a/{id}/b"), Rule("orphan", "rest", "/a/x", target: "missing")],
            [Endpoint("rest", RuleTable.Rest), Endpoint("bus", RuleTable.EventBus)]);

        Assert.Equal(["short", "long"], table.Rules.Select(r => r.Name));
        Assert.Equal(("long", "/c"), Pick(table.MatchRest("default", ["a", "42", "b", "c"])));
        Assert.Equal(("short", "/x"), Pick(table.MatchRest("default", ["a", "x"])));
        Assert.Null(table.MatchRest("default", ["b"]));
        Assert.Null(table.MatchRest("other", ["a"]));
    }

    private static (string, string) Pick((RouteRule Rule, string Remainder)? match) => (match!.Value.Rule.Name, match.Value.Remainder);
}
