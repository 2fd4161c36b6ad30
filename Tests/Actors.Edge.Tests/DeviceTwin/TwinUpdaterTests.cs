using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>Versions, sync conflicts, optional twins and deletion in the twin update algorithm (kubeedge.md §4.4).</summary>
public sealed class TwinUpdaterTests
{
    private const long Now = 1_000;

    private static readonly Dictionary<string, MsgTwin> Current = new()
    {
        ["setpoint"] = new(
            Expected: new TwinValue("22", new ValueMetadata(10)),
            Actual: new TwinValue("21", new ValueMetadata(11)),
            Optional: true,
            Metadata: new TypeMetadata("int"),
            ExpectedVersion: new TwinVersion(2, 3),
            ActualVersion: new TwinVersion(0, 5)),
        ["mode"] = new(Expected: new TwinValue("eco", new ValueMetadata(10)), Optional: false, Metadata: new TypeMetadata("string"), ExpectedVersion: new TwinVersion(1, 0)),
    };

    [Fact]
    public void Rest_NewTwin_EdgeVersionOneOptionalTrueTypeString()
    {
        var outcome = Apply("""{"humidity":{"actual":{"value":"40"}}}""", DealType.Rest);
        Assert.Equal(
            new MsgTwin(Actual: new TwinValue("40", new ValueMetadata(Now)), Optional: true, Metadata: new TypeMetadata("string"), ActualVersion: new TwinVersion(0, 1)),
            outcome.Twins["humidity"]);
        Assert.Equal(["humidity"], outcome.Added);
        Assert.Null(outcome.Result["humidity"].ActualVersion);
        Assert.Equal(new TwinVersion(0, 1), outcome.SyncResult["humidity"].ActualVersion);
    }

    [Fact]
    public void Rest_ChangedDesired_BumpsEdgeVersionAndStamps()
    {
        var outcome = Apply("""{"setpoint":{"expected":{"value":"25"}}}""", DealType.Rest);
        var twin = outcome.Twins["setpoint"];
        Assert.Equal(new TwinValue("25", new ValueMetadata(Now)), twin.Expected);
        Assert.Equal(new TwinVersion(2, 4), twin.ExpectedVersion);
        Assert.Equal(Current["setpoint"].Actual, twin.Actual);
        Assert.Equal(new TwinVersion(0, 5), twin.ActualVersion);
        Assert.Equal(Current["setpoint"].WithoutVersions(), outcome.Document["setpoint"].Last);
        Assert.Equal(twin.WithoutVersions(), outcome.Document["setpoint"].Current);
    }

    [Fact]
    public void Rest_SameValue_NoChangeNoDocument()
    {
        var outcome = Apply("""{"setpoint":{"actual":{"value":"21"}}}""", DealType.Rest);
        Assert.False(outcome.HasChanges);
        Assert.Empty(outcome.Document);
        Assert.Empty(outcome.SyncResult);
        Assert.Equal(Current["setpoint"], outcome.Twins["setpoint"]);
    }

    [Fact]
    public void Sync_NewerVersions_CopiedFromCloudNoPushBack()
    {
        var outcome = Apply("""{"setpoint":{"expected":{"value":"30","metadata":{"timestamp":77}},"expected_version":{"cloud":3,"edge":3}}}""", DealType.Sync);
        var twin = outcome.Twins["setpoint"];
        Assert.Equal(new TwinValue("30", new ValueMetadata(77)), twin.Expected);
        Assert.Equal(new TwinVersion(3, 3), twin.ExpectedVersion);
        Assert.Empty(outcome.SyncResult);
        Assert.Equal(["setpoint"], outcome.Updated);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(-1, -1)]
    public void Sync_OlderOrMissingVersion_RejectedAndEdgeStatePushedBack(int cloud, int edge)
    {
        var version = cloud < 0 ? string.Empty : $",\"expected_version\":{{\"cloud\":{cloud},\"edge\":{edge}}}";
        var outcome = Apply("""{"setpoint":{"expected":{"value":"30"}""" + version + """},"humidity":{"actual":{"value":"1"},"actual_version":{"cloud":0,"edge":0}}}""", DealType.Sync);
        Assert.Null(outcome.ErrorReason);
        Assert.Equal(Current["setpoint"], outcome.Twins["setpoint"]);
        Assert.Equal(Current["setpoint"], outcome.SyncResult["setpoint"]);
        Assert.Equal(["humidity"], outcome.Added);
    }

    [Fact]
    public void Rest_OptionalFalse_SticksAndCannotReturnToTrue()
    {
        var first = Apply("""{"setpoint":{"optional":false}}""", DealType.Rest);
        Assert.False(first.Twins["setpoint"].Optional);
        var second = TwinUpdater.Apply(first.Twins, Request("""{"setpoint":{"optional":true}}"""), DealType.Rest, Now);
        Assert.False(second.Twins["setpoint"].Optional);
        Assert.False(second.HasChanges);
    }

    [Fact]
    public void Rest_NullForOptionalTwin_DeletesAndBumpsVersions()
    {
        var outcome = Apply("""{"setpoint":null}""", DealType.Rest);
        var twin = outcome.Twins["setpoint"];
        Assert.True(twin.IsDeleted);
        Assert.Null(twin.Expected);
        Assert.Null(twin.Actual);
        Assert.Equal(new TwinVersion(2, 4), twin.ExpectedVersion);
        Assert.Equal(new TwinVersion(0, 6), twin.ActualVersion);
        Assert.Null(outcome.Document["setpoint"].Current);
        Assert.Equal(twin, outcome.SyncResult["setpoint"]);
        Assert.DoesNotContain("setpoint", TwinPayloads.Delta("e", Now, outcome.Twins), StringComparison.Ordinal);
    }

    [Fact]
    public void Rest_NullForRequiredTwin_Ignored()
    {
        var outcome = Apply("""{"mode":null}""", DealType.Rest);
        Assert.Null(outcome.ErrorReason);
        Assert.False(outcome.HasChanges);
        Assert.Equal(Current["mode"], outcome.Twins["mode"]);
    }

    [Fact]
    public void Sync_TypeDeleted_DeletesWithCloudVersions()
    {
        var outcome = Apply("""{"mode":{"metadata":{"type":"deleted"},"expected_version":{"cloud":2,"edge":0}}}""", DealType.Sync);
        Assert.True(outcome.Twins["mode"].IsDeleted);
        Assert.Equal(new TwinVersion(2, 0), outcome.Twins["mode"].ExpectedVersion);
        Assert.Empty(outcome.SyncResult);
    }

    [Fact]
    public void Rest_DeletedTwinGetsValue_Revived()
    {
        var deleted = Apply("""{"setpoint":null}""", DealType.Rest).Twins;
        var outcome = TwinUpdater.Apply(deleted, Request("""{"setpoint":{"expected":{"value":"5"}}}"""), DealType.Rest, Now);
        Assert.Equal("string", outcome.Twins["setpoint"].Type);
        Assert.Equal("5", outcome.Twins["setpoint"].Expected!.Value);
        Assert.Null(outcome.Document["setpoint"].Last);
    }

    [Theory]
    [InlineData("""{"setpoint":{"expected":{"value":"2.5"}}}""", "the value is not int or integer")]
    [InlineData("""{"x":{"actual":{"value":"yes"},"metadata":{"type":"boolean"}}}""", "the value is not true or false")]
    [InlineData("""{"x":{"actual":{"value":"1e3x"},"metadata":{"type":"float"}}}""", "the value is not float")]
    [InlineData("""{"x":{"actual":{"value":"1"},"metadata":{"type":"double"}}}""", "the value type is not allowed")]
    [InlineData("""{"new":null}""", "The request body is wrong")]
    public void Rest_InvalidValue_RejectsWholeRequest(string twins, string reason)
    {
        var outcome = Apply("""{"humidity":{"actual":{"value":"40"}},""" + twins[1..], DealType.Rest);
        Assert.Equal(reason, outcome.ErrorReason);
        Assert.False(outcome.HasChanges);
        Assert.Equal(Current.Keys.Order(), outcome.Twins.Keys);
        Assert.Empty(outcome.SyncResult);
    }

    [Theory]
    [InlineData("float", "-1.5e3")]
    [InlineData("integer", "-42")]
    [InlineData("boolean", "false")]
    [InlineData("deleted", "anything")]
    public void Rest_ValueMatchingType_Accepted(string type, string value)
    {
        var outcome = Apply("{\"x\":{\"actual\":{\"value\":\"" + value + "\"},\"metadata\":{\"type\":\"" + type + "\"}}}", DealType.Rest);
        Assert.Null(outcome.ErrorReason);
    }

    [Fact]
    public void Delta_OnlyUnmetDesiredValues_TwinCarriesAllDesired()
    {
        var twins = new Dictionary<string, MsgTwin>(Current)
        {
            ["met"] = new(Expected: new TwinValue("1"), Actual: new TwinValue("1"), Metadata: new TypeMetadata("int")),
        };
        const string expected = """
            {"event_id":"e","timestamp":1000,
             "twin":{"met":{"expected":{"value":"1"},"actual":{"value":"1"},"metadata":{"type":"int"}},
                     "mode":{"expected":{"value":"eco","metadata":{"timestamp":10}},"optional":false,"metadata":{"type":"string"}},
                     "setpoint":{"expected":{"value":"22","metadata":{"timestamp":10}},"actual":{"value":"21","metadata":{"timestamp":11}},"optional":true,"metadata":{"type":"int"}}},
             "delta":{"mode":"eco","setpoint":"22"}}
            """;
        TwinJson.Equal(expected, TwinPayloads.Delta("e", Now, twins));
    }

    private static TwinUpdateOutcome Apply(string twins, DealType dealType) =>
        TwinUpdater.Apply(Current, Request(twins), dealType, Now);

    private static Dictionary<string, MsgTwin?> Request(string twins)
    {
        Assert.True(TwinRequestParser.TryParseUpdate(TwinJson.Bytes("""{"event_id":"r","timestamp":1,"twin":""" + twins + "}"), out var message, out var reason), reason);
        return message.Twin!;
    }
}
