namespace Actors.Kernel.Actor;

/// <summary>Restart bookkeeping of one child, owned by its parent (Akka's windowed counting).</summary>
internal sealed class ChildRestartStats
{
    private int _count;
    private long _windowStart;

    public int RestartCount => _count;

    /// <summary>Counts a restart and says whether it is allowed.</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, int withinTimeMilliseconds, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (withinTimeMilliseconds <= 0)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            _count++;
            return _count <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = time.GetTimestamp();
        if (_count == 0 || time.GetElapsedTime(_windowStart, now).TotalMilliseconds > withinTimeMilliseconds)
        {
            _windowStart = now;
            _count = 1;
            return true;
        }

        _count++;
        return _count <= retries;
    }
}
