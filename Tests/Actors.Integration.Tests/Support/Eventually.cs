namespace Actors.Integration.Tests.Support;

/// <summary>Polls a real observable (kubectl, HTTP) until it satisfies a condition or a deadline passes.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>The first value of <paramref name="probe"/> that satisfies <paramref name="done"/>; fails with the last value seen.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, string what, Func<string>? context = null)
    {
        using var cts = new CancellationTokenSource(deadline);
        T last = await probe();
        while (!done(last))
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail(what + " not within " + deadline.TotalSeconds + " s; last seen: " + last + (context is null ? string.Empty : "\n" + context()));
            }

            await Task.Delay(Interval, cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            last = await probe();
        }

        return last;
    }

    /// <summary>Polls a kubectl jsonpath query until its trimmed output equals <paramref name="expected"/>.</summary>
    public static Task<string> KubectlAsync(CloudCoreHost cloud, string expected, TimeSpan deadline, Func<string>? context, params string[] args) =>
        UntilAsync(
            async () => (await cloud.KubectlAsync(args)).StdOut.Trim(),
            s => s == expected,
            deadline,
            "kubectl " + string.Join(' ', args) + " == '" + expected + "'",
            context);
}
