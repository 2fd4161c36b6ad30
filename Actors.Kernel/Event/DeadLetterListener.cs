using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Event;

/// <summary>Logs dead letters and unhandled messages (first N, then pauses), like Akka's DeadLetterListener.</summary>
internal sealed class DeadLetterListener(ILogger log, int limit, TimeSpan suspend, TimeProvider time, Func<bool> shuttingDown, bool logDuringShutdown)
{
    private readonly object _gate = new();
    private int _count;
    private DateTimeOffset _resumeAt;

    public void OnEvent(object e)
    {
        if (e is SuppressedDeadLetter or not AllDeadLetters || limit <= 0 || (!logDuringShutdown && shuttingDown()))
        {
            return;
        }

        var d = (AllDeadLetters)e;
        int n;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_count >= limit)
            {
                if (now < _resumeAt)
                {
                    return;
                }

                _count = 0;
            }

            n = ++_count;
            if (n == limit)
            {
                _resumeAt = now + suspend;
            }
        }

        var kind = e is UnhandledMessage ? "unhandled" : "not delivered";
        log.LogInformation(
            "Message [{MessageType}] from {Sender} to {Recipient} was {Kind}. [{Count}] dead letters encountered{Suffix}.",
            d.Message.GetType().Name, d.Sender.Path, d.Recipient.Path, kind, n,
            n == limit ? ", no more dead letters will be logged for " + suspend : "");
    }
}
