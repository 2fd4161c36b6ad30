using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Messages.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>Cloud → edge insert/update/delete/response: stored, forwarded to edged when changed, ACKed after commit.</summary>
public sealed class CloudOperationTests : MetaManagerTestBase
{
    [Fact]
    public async Task Insert_FromCloud_StoredForwardedToEdgedThenAcked()
    {
        Start();
        var insert = Cloud(Operations.Insert, "default/pod/web", Pod("web", "u1"));
        FromCloud(insert);
        var forwarded = Edged.ExpectMsg<Seen>(Long).Envelope;
        Assert.Equal(insert.Header.MsgId, forwarded.Header.MsgId);
        var ack = ExpectAnswerToCloud(insert);
        Assert.Equal(Operations.Response, ack.Route.Operation);
        Assert.Equal(WellKnownContent.Ok, ack.Content.AsString());
        Assert.Contains("\"u1\"", await Within(Client.GetPodAsync("default", "web")), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_SameObject_AckedButNotForwardedAgain()
    {
        Start();
        FromCloud(Cloud(Operations.Insert, "default/configmap/cfg", """{"metadata":{"name":"cfg","resourceVersion":"1"},"data":{"a":"1"}}"""));
        Edged.ExpectMsg<Seen>(Long);
        var same = Cloud(Operations.Update, "default/configmap/cfg", """{"metadata":{"name":"cfg","resourceVersion":"2"},"data":{"a":"1"}}""");
        FromCloud(same);
        Assert.Equal(WellKnownContent.Ok, ExpectAnswerToCloud(same).Content.AsString());
        var changed = Cloud(Operations.Update, "default/configmap/cfg", """{"metadata":{"name":"cfg","resourceVersion":"3"},"data":{"a":"2"}}""");
        FromCloud(changed);
        Assert.Equal(changed.Header.MsgId, Edged.ExpectMsg<Seen>(Long).Envelope.Header.MsgId);
    }

    [Fact]
    public async Task DeletePod_UidMismatch_KeptAndNotForwarded_MatchingUid_Deleted()
    {
        Start();
        FromCloud(Cloud(Operations.Insert, "default/pod/web", Pod("web", "u1")));
        Edged.ExpectMsg<Seen>(Long);
        var wrong = Cloud(Operations.Delete, "default/pod/web", Pod("web", "u-old"));
        FromCloud(wrong);
        Assert.Equal(WellKnownContent.Ok, ExpectAnswerToCloud(wrong).Content.AsString());
        Assert.Contains("u1", await Within(Client.GetPodAsync("default", "web")), StringComparison.Ordinal);
        var right = Cloud(Operations.Delete, "default/pod/web", Pod("web", "u1"));
        FromCloud(right);
        Assert.Equal(right.Header.MsgId, Edged.ExpectMsg<Seen>(Long).Envelope.Header.MsgId);
        ExpectAnswerToCloud(right);
        Assert.Empty(await Within(Client.ListPodsAsync("default")));
    }

    [Fact]
    public async Task Insert_StoreWriteFails_NotAckedUntilRetrySucceeds()
    {
        FailingStore? store = null;
        Start((log, time) => store = new FailingStore(new SqliteMetaStore(DatabasePath, new MetaStoreOptions(), NullLogger<SqliteMetaStore>.Instance, time)) { FailingUpserts = 2 });
        var insert = Cloud(Operations.Insert, "default/secret/s", """{"metadata":{"name":"s"},"data":{}}""");
        FromCloud(insert);
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref store) is { FailingUpserts: <= 1 }), Long);
        Hub.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        var ack = AdvanceUntilAnswered(insert);
        Assert.True(store!.FailingUpserts < 0, "acknowledged before the write succeeded");
        Assert.Equal(WellKnownContent.Ok, ack.Content.AsString());
        Assert.NotNull(await Within(Client.GetSecretAsync("default", "s")));
    }

    [Fact]
    public async Task Retry_LaterMessageForSameObjectCommittedMeanwhile_OlderContentNotWrittenOverIt()
    {
        FailingStore? store = null;
        Start((log, time) => store = new FailingStore(new SqliteMetaStore(DatabasePath, new MetaStoreOptions(), NullLogger<SqliteMetaStore>.Instance, time)) { FailingUpserts = 1 });
        var older = Cloud(Operations.Update, "default/configmap/cfg", """{"metadata":{"name":"cfg"},"data":{"v":"old"}}""");
        FromCloud(older);
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref store) is { FailingUpserts: <= 0 }), Long);
        var newer = Cloud(Operations.Update, "default/configmap/cfg", """{"metadata":{"name":"cfg"},"data":{"v":"new"}}""");
        FromCloud(newer);
        Assert.Equal(WellKnownContent.Ok, ExpectAnswerToCloud(newer).Content.AsString());

        var ack = AdvanceUntilAnswered(older);

        Assert.Equal(WellKnownContent.Ok, ack.Content.AsString());
        Assert.Contains("\"new\"", await Within(Client.GetConfigMapAsync("default", "cfg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_MalformedContentOrUnknownType_RejectedWithErrorAndSurvives()
    {
        Start();
        var notObject = Cloud(Operations.Insert, "default/pod/web", "\"just a string\"");
        FromCloud(notObject);
        var error = ExpectAnswerToCloud(notObject);
        Assert.Equal(Operations.Error, error.Route.Operation);
        Assert.Contains("JSON object", error.Content.AsString(), StringComparison.Ordinal);
        var unknown = Cloud(Operations.Insert, "default/gizmo/g", "{}");
        FromCloud(unknown);
        Assert.Contains("unknown resource type 'gizmo'", ExpectAnswerToCloud(unknown).Content.AsString(), StringComparison.Ordinal);
        var malformed = Cloud(Operations.Update, "a/b/c/d", "{}");
        FromCloud(malformed);
        Assert.Equal(Operations.Error, ExpectAnswerToCloud(malformed).Route.Operation);
        var good = Cloud(Operations.Insert, "default/pod/ok", Pod("ok", "u"));
        FromCloud(good);
        Assert.Equal(WellKnownContent.Ok, ExpectAnswerToCloud(good).Content.AsString());
        Edged.ExpectMsg<Seen>(Long);
    }
}
