using Actors.Cloud.Modules.Router;

namespace Actors.Cloud.Tests.Router;

public sealed class RuleTableTests
{
    [Fact]
    public void MatchRest_PrefixOnSegments_RestOfPathKept()
    {
        var table = RouterFixtures.Table(RouterFixtures.RestToBus("a", "/a", "topic-a"));

        var match = table.MatchRest("default", "/a/b/c");

        Assert.Equal("a", match!.Rule.Name);
        Assert.Equal("/b/c", match.Rest);
        Assert.Null(table.MatchRest("default", "/ab"));
        Assert.Null(table.MatchRest("other", "/a"));
    }

    [Fact]
    public void MatchRest_SeveralRules_MostSpecificWinsAndLiteralBeatsWildcard()
    {
        var table = RouterFixtures.Table(
            RouterFixtures.RestToBus("short", "/a", "t1"),
            RouterFixtures.RestToBus("wild", "/a/{id}", "t2"),
            RouterFixtures.RestToBus("literal", "/a/x", "t3"));

        Assert.Equal("literal", table.MatchRest("default", "/a/x/more")!.Rule.Name);
        Assert.Equal("wild", table.MatchRest("default", "/a/y")!.Rule.Name);
        Assert.Equal("short", table.MatchRest("default", "/a")!.Rule.Name);
    }

    [Fact]
    public void Build_MissingEndpointOrUnsupportedPair_ReportedAndNeverMatched()
    {
        var rules = new[]
        {
            RouterFixtures.Rule("dangling", "nope", "eventbus", new() { ["path"] = "/d" }, new() { ["topic"] = "t" }),
            RouterFixtures.Rule("bus-to-bus", "eventbus", "eventbus", new() { ["topic"] = "x", ["node_name"] = "n" }, new() { ["topic"] = "y" }),
        };

        var table = RuleTable.Build(rules, RouterFixtures.Endpoints());

        Assert.Empty(table.Rules);
        Assert.Contains(table.Problems, p => p.Contains("default/dangling", StringComparison.Ordinal) && p.Contains("not a RuleEndpoint", StringComparison.Ordinal));
        Assert.Contains(table.Problems, p => p.Contains("eventbus -> eventbus is not a supported route", StringComparison.Ordinal));
        Assert.Null(table.MatchRest("default", "/d"));
    }

    [Fact]
    public void MatchEventBus_TopicAndNode_OnlyThatNodesRule()
    {
        var table = RouterFixtures.Table(RouterFixtures.BusToRest("up", "edge-1", "temp", "http://127.0.0.1:1/x"));

        Assert.Single(table.MatchEventBus("edge-1", "default", "temp"));
        Assert.Empty(table.MatchEventBus("edge-2", "default", "temp"));
        Assert.Empty(table.MatchEventBus("edge-1", "default", "other"));
    }
}
