using System.Diagnostics;
using Actors.Kernel.Actor;

namespace Actors.TestKit;

/// <summary>ExpectMsg and friends: each takes the NEXT message and fails if it does not match.</summary>
public abstract partial class TestKitBase
{
    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null) =>
        ExpectOne<T>(duration, hint, null, null);

    public T ExpectMsg<T>(T message, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<T>(timeout, hint, (m, _) => Equals(m, message), "equal to " + Show(message));

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<T>(timeout, hint, (m, _) => isMessage(m), "matching the predicate");

    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null)
    {
        var m = ExpectOne<T>(timeout, hint, null, null);
        assert(m);
        return m;
    }

    public T ExpectMsg<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<T>(timeout, hint, isMessageAndSender, "matching the message-and-sender predicate");

    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<T>(timeout, hint, (_, s) => s.Equals(sender), "from " + sender);

    public T ExpectMsgFrom<T>(IActorRef sender, T message, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<T>(timeout, hint, (m, s) => s.Equals(sender) && Equals(m, message), "equal to " + Show(message) + " from " + sender);

    public T ExpectMsgFrom<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<T>(timeout, hint, (m, s) => s.Equals(sender) && isMessage(m), "matching the predicate from " + sender);

    /// <summary>The next message must equal one of <paramref name="messages"/>.</summary>
    public T ExpectMsgAnyOf<T>(params T[] messages) =>
        ExpectOne<T>(null, null, (m, _) => messages.Contains(m), "one of " + string.Join(", ", messages.Select(m => Show(m))));

    /// <summary>The next N messages must equal <paramref name="messages"/> in any order.</summary>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(params T[] messages)
    {
        var missing = messages.ToList();
        var got = new List<T>();
        for (var i = 0; i < messages.Length; i++)
        {
            var m = ExpectMsg<T>();
            if (!missing.Remove(m))
            {
                Fail("ExpectMsgAllOf: unexpected " + Show(m) + "; still missing " + string.Join(", ", missing.Select(m => Show(m))));
            }

            got.Add(m);
        }

        return got;
    }

    /// <summary>The next message must be Terminated for <paramref name="target"/> (Watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null) =>
        ExpectOne<Terminated>(timeout, hint, (t, _) => t.ActorRef.Equals(target), "Terminated(" + target + ")");

    /// <summary>Fails if any message arrives within the default timeout (3 s dilated, or the rest of Within).</summary>
    public void ExpectNoMsg() => ExpectNoMsg(RemainingOrDefault, dilate: false);

    /// <summary>Fails if any message arrives within Dilated(<paramref name="duration"/>).</summary>
    public void ExpectNoMsg(TimeSpan duration) => ExpectNoMsg(duration, dilate: true);

    public Task ExpectNoMsgAsync(TimeSpan duration) => Task.Run(() => ExpectNoMsg(duration));

    public Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null)
    {
        var timeout = RemainingOrDilated(duration);
        return Task.Run(() => ExpectMsg<T>(timeout, hint));
    }

    /// <summary>Receives exactly <paramref name="n"/> messages.</summary>
    public IReadOnlyList<object> ReceiveN(int n, TimeSpan? max = null)
    {
        var deadline = Stopwatch.GetTimestamp() + ToTicks(RemainingOrDilated(max));
        var list = new List<object>(n);
        for (var i = 0; i < n; i++)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (!TryReceiveOne(out var env, left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                Fail("Timeout while expecting " + n + " messages, got " + i);
            }

            list.Add(env!.Message);
        }

        return list;
    }

    /// <summary>Collects messages while <paramref name="filter"/> maps them to non-null, until max, an idle gap or <paramref name="msgs"/>.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue)
        where T : class
    {
        var deadline = Stopwatch.GetTimestamp() + ToTicks(RemainingOrDilated(max));
        var list = new List<T>();
        while (list.Count < msgs)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            var wait = idle is { } i && i < left ? i : left;
            if (wait <= TimeSpan.Zero || !_queue.Reader.TryPeek(out _) && !WaitPeek(wait))
            {
                break;
            }

            _queue.Reader.TryPeek(out var next);
            if (filter(next!.Message) is not { } mapped)
            {
                break;
            }

            _queue.Reader.TryRead(out _);
            LastSender = next.Sender;
            list.Add(mapped);
        }

        return list;
    }

    /// <summary>Receives and discards messages until one satisfies <paramref name="isMessage"/>.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string hint = "") =>
        FishForMessage<object>(isMessage, max, hint);

    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "")
    {
        var timeout = RemainingOrDilated(max);
        var deadline = Stopwatch.GetTimestamp() + ToTicks(timeout);
        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero || !TryReceiveOne(out var env, left))
            {
                Fail("Timeout (" + timeout + ") during fishForMessage " + hint);
                return default!;
            }

            if (env!.Message is T t && isMessage(t))
            {
                return t;
            }
        }
    }

    private T ExpectOne<T>(TimeSpan? duration, string? hint, Func<T, IActorRef, bool>? check, string? what)
    {
        var timeout = RemainingOrDilated(duration);
        if (!TryReceiveOne(out var env, timeout))
        {
            Fail("Timeout " + timeout + " while waiting for a message of type " + typeof(T).Name + (what is null ? "" : " " + what) + Hint(hint));
        }

        if (env!.Message is not T t)
        {
            Fail("Expected a message of type " + typeof(T).Name + ", but received {" + env.Message + "} (type " + env.Message.GetType().Name + ") from " + env.Sender + " instead" + Hint(hint));
            return default!;
        }

        if (check is not null && !check(t, env.Sender))
        {
            Fail("Expected a message " + what + ", but received {" + env.Message + "} from " + env.Sender + Hint(hint));
        }

        return t;
    }

    private void ExpectNoMsg(TimeSpan duration, bool dilate)
    {
        var d = dilate ? Dilated(duration) : duration;
        var start = Stopwatch.GetTimestamp();
        if (TryReceiveOne(out var env, d))
        {
            Fail("Expected no messages during " + d + ", instead we received " + env!.Message + " after " + Stopwatch.GetElapsedTime(start));
        }
    }

    private bool WaitPeek(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return _queue.Reader.WaitToReadAsync(cts.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long ToTicks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? "" : " (" + hint + ")";

    private static string Show(object? o) => o?.ToString() ?? "null";
}
