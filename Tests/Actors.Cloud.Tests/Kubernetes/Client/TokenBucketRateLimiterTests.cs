using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Client;

public sealed class TokenBucketRateLimiterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Wait_DefaultQpsAndBurst_BurstIsFreeThenOnePer200Ms()
    {
        var time = new ManualTimeProvider();
        var limiter = new TokenBucketRateLimiter(5, 10, time);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }
        var eleventh = limiter.WaitAsync(CancellationToken.None).AsTask();
        var twelfth = limiter.WaitAsync(CancellationToken.None).AsTask();

        Assert.False(eleventh.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(eleventh.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await eleventh.WaitAsync(Deadline);
        Assert.False(twelfth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(200));
        await twelfth.WaitAsync(Deadline);
    }

    [Fact]
    public void TryAcquire_AfterIdle_RefillsNoMoreThanBurst()
    {
        var time = new ManualTimeProvider();
        var limiter = new TokenBucketRateLimiter(5, 3, time);
        while (limiter.TryAcquire())
        {
        }

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => limiter.TryAcquire()));
    }

    [Fact]
    public async Task Wait_Cancelled_GivesItsTokenBack()
    {
        var time = new ManualTimeProvider();
        var limiter = new TokenBucketRateLimiter(1, 1, time);
        Assert.True(limiter.TryAcquire());
        using var cts = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Deadline));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(limiter.TryAcquire());
    }

    [Fact]
    public async Task Client_Qps_ThrottlesRequestsOnTheManualClock()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedApiServer.StartAsync((_, response, _) =>
            ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.Pod("default", "web", "1")));
        using var client = server.CreateClient(new KubernetesClientOptions { Qps = 2, Burst = 1 }, time);
        var pods = client.Resource(KnownResources.Pods);

        await pods.GetAsync("default", "web").WaitAsync(Deadline);
        var second = pods.GetAsync("default", "web");
        await time.WaitForTimerAsync(left => left == TimeSpan.FromMilliseconds(500), Deadline);
        Assert.Single(server.Requests);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await second.WaitAsync(Deadline);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Options_Invalid_ValidateNamesTheKeys()
    {
        var errors = new KubernetesClientOptions { Qps = -1, RequestTimeout = TimeSpan.Zero, MaxRetries = -2 }.Validate();

        Assert.Contains(errors, e => e.StartsWith("kubernetes.qps", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kubernetes.request-timeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kubernetes.max-retries", StringComparison.Ordinal));
    }
}
