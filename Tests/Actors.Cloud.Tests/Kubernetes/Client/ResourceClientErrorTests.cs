using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Client;

public sealed class ResourceClientErrorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Get_NotFoundStatus_ThrowsTypedNotFound()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteStatusAsync(response, 404, "NotFound", "pods \\\"web\\\" not found"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.Resource(KnownResources.Pods).GetAsync("default", "web"));

        Assert.Equal(404, ex.Code);
        Assert.Equal("NotFound", ex.Reason);
        Assert.Equal("pods \"web\" not found", ex.ApiMessage);
        Assert.True(ex.IsNotFound);
        Assert.False(ex.IsConflict);
    }

    [Fact]
    public async Task Update_StaleResourceVersion_ThrowsConflictException()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteStatusAsync(response, 409, "Conflict", "the object has been modified"));
        using var client = server.CreateClient();
        var pod = new Pod { Metadata = new ObjectMeta { Name = "web", Namespace = "default", ResourceVersion = "5" } };

        var ex = await Assert.ThrowsAsync<KubernetesConflictException>(() => client.Resource(KnownResources.Pods).UpdateAsync(pod));

        Assert.Equal(409, ex.Code);
        Assert.True(ex.IsConflict);
        Assert.Equal("PUT", server.Requests.Single().Method);
        Assert.Equal("/api/v1/namespaces/default/pods/web", server.Requests.Single().Path);
    }

    [Fact]
    public async Task Create_AlreadyExists_ThrowsApiExceptionNotConflict()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteStatusAsync(response, 409, "AlreadyExists", "pods \\\"web\\\" already exists"));
        using var client = server.CreateClient();
        var pod = new Pod { Metadata = new ObjectMeta { Name = "web" } };

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.Resource(KnownResources.Pods).CreateAsync("default", pod));

        Assert.IsNotType<KubernetesConflictException>(ex);
        Assert.True(ex.IsAlreadyExists);
        Assert.Equal("POST", server.Requests.Single().Method);
        Assert.Equal("/api/v1/namespaces/default/pods", server.Requests.Single().Path);
    }

    [Fact]
    public async Task Create_Invalid_Throws422WithCauses()
    {
        const string body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Pod \\\"x\\\" is invalid\","
            + "\"reason\":\"Invalid\",\"details\":{\"name\":\"x\",\"kind\":\"Pod\",\"causes\":[{\"reason\":\"FieldValueRequired\","
            + "\"message\":\"Required value\",\"field\":\"spec.containers\"}]},\"code\":422}";
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) => ScriptedApiServer.WriteJsonAsync(response, 422, body));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.Resource(KnownResources.Pods).CreateAsync("default", new Pod { Metadata = new ObjectMeta { Name = "x" } }));

        Assert.True(ex.IsInvalid);
        Assert.Equal("spec.containers", ex.Status!.Details!.Causes!.Single().Field);
    }

    [Fact]
    public async Task Get_500PlainTextBody_ThrowsInternalErrorWithText()
    {
        await using var server = await ScriptedApiServer.StartAsync(async (_, response, _) =>
        {
            response.StatusCode = 500;
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(response, "etcd leader changed");
        });
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.Resource(KnownResources.Nodes).GetAsync(null, "n1"));

        Assert.Equal(500, ex.Code);
        Assert.Equal("InternalError", ex.Reason);
        Assert.Contains("etcd leader changed", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsThatLongThenRetries()
    {
        var time = new ManualTimeProvider();
        var calls = 0;
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            Interlocked.Increment(ref calls) == 1
                ? ScriptedApiServer.WriteStatusAsync(response, 429, "TooManyRequests", "slow down",
                    new Dictionary<string, string> { ["Retry-After"] = "2" })
                : ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.Pod("default", "web", "7")));
        using var client = server.CreateClient(time: time);

        var get = client.Resource(KnownResources.Pods).GetAsync("default", "web");
        await time.WaitForTimerAsync(left => left == TimeSpan.FromSeconds(2), Deadline);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(get.IsCompleted);
        Assert.Single(server.Requests);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var pod = await get.WaitAsync(Deadline);

        Assert.Equal("7", pod.Metadata.ResourceVersion);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task Get_429RetriesExhausted_ThrowsTooManyRequests()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteStatusAsync(response, 429, "TooManyRequests", "slow down",
                new Dictionary<string, string> { ["Retry-After"] = "0" }));
        using var client = server.CreateClient(ScriptedApiServer.Unlimited with { MaxRetries = 2 });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.Resource(KnownResources.Pods).GetAsync("default", "web"));

        Assert.True(ex.IsTooManyRequests);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Get_ServerNeverAnswers_TimesOutAtRequestTimeout()
    {
        var time = new ManualTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedApiServer.StartAsync(async (_, _, _) => await release.Task);
        using var client = server.CreateClient(ScriptedApiServer.Unlimited with { RequestTimeout = TimeSpan.FromSeconds(30) }, time);

        var get = client.Resource(KnownResources.Pods).GetAsync("default", "web");
        await time.WaitForTimerAsync(left => left == TimeSpan.FromSeconds(30), Deadline);
        time.Advance(TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => get.WaitAsync(Deadline));
        Assert.Contains("GET /api/v1/namespaces/default/pods/web", ex.Message, StringComparison.Ordinal);
        release.TrySetResult();
    }

    [Fact]
    public async Task Get_MalformedBody_ThrowsInvalidDataNamingTheKind()
    {
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, "{\"metadata\": [1,2"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => client.Resource(KnownResources.Pods).GetAsync("default", "web"));

        Assert.Contains("Pod", ex.Message, StringComparison.Ordinal);
    }
}
