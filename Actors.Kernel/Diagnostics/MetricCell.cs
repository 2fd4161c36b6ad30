namespace Actors.Kernel.Diagnostics;

/// <summary>One labelled value of a counter or gauge; lock-free updates of a double.</summary>
public sealed class MetricCell
{
    private long _bits;
    private readonly bool _monotonic;

    internal MetricCell(bool monotonic) => _monotonic = monotonic;

    /// <summary>The current value.</summary>
    public double Value => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));

    /// <summary>Adds <paramref name="amount"/>; counters refuse negative or non-finite amounts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A counter given a negative or non-finite amount.</exception>
    public void Inc(double amount = 1)
    {
        if (_monotonic && (amount < 0 || !double.IsFinite(amount)))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "a counter only goes up by finite amounts");
        }

        while (true)
        {
            var old = Interlocked.Read(ref _bits);
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(old) + amount);
            if (Interlocked.CompareExchange(ref _bits, next, old) == old)
            {
                return;
            }
        }
    }

    /// <summary>Subtracts (gauges only).</summary>
    public void Dec(double amount = 1)
    {
        if (_monotonic)
        {
            throw new InvalidOperationException("a counter cannot go down");
        }

        Inc(-amount);
    }

    /// <summary>Sets the value (gauges only).</summary>
    public void Set(double value)
    {
        if (_monotonic)
        {
            throw new InvalidOperationException("a counter cannot be set");
        }

        Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));
    }
}
