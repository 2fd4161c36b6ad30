using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Persistence.Delivery;

/// <summary>Settings of <see cref="AtLeastOnceDeliveryReceiveActor"/> (<c>akka.persistence.at-least-once-delivery</c>).</summary>
public sealed record AtLeastOnceDeliveryOptions
{
    public const string ConfigPath = "akka.persistence.at-least-once-delivery";

    /// <summary><c>redeliver-interval</c>: an unconfirmed message is sent again after this long (default 5 s).</summary>
    public TimeSpan RedeliverInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>redelivery-burst-limit</c>: most messages redelivered per redelivery tick (default 10000).</summary>
    public int RedeliveryBurstLimit { get; init; } = 10000;

    /// <summary><c>warn-after-number-of-unconfirmed-attempts</c>: attempts before an <see cref="UnconfirmedWarning"/> (default 5).</summary>
    public int WarnAfterNumberOfUnconfirmedAttempts { get; init; } = 5;

    /// <summary><c>max-unconfirmed-messages</c>: <c>Deliver</c> throws beyond this many unconfirmed (default 100000).</summary>
    public int MaxUnconfirmedMessages { get; init; } = 100000;

    /// <summary>Reads the keys relative to <see cref="ConfigPath"/>; throws <see cref="FormatException"/> naming a bad key.</summary>
    public static AtLeastOnceDeliveryOptions FromConfig(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var o = new AtLeastOnceDeliveryOptions();
        return o with
        {
            RedeliverInterval = get("redeliver-interval") is { } r ? OptionValues.ParseDuration("redeliver-interval", r) : o.RedeliverInterval,
            RedeliveryBurstLimit = get("redelivery-burst-limit") is { } b ? OptionValues.ParseInt("redelivery-burst-limit", b) : o.RedeliveryBurstLimit,
            WarnAfterNumberOfUnconfirmedAttempts = get("warn-after-number-of-unconfirmed-attempts") is { } w
                ? OptionValues.ParseInt("warn-after-number-of-unconfirmed-attempts", w) : o.WarnAfterNumberOfUnconfirmedAttempts,
            MaxUnconfirmedMessages = get("max-unconfirmed-messages") is { } m ? OptionValues.ParseInt("max-unconfirmed-messages", m) : o.MaxUnconfirmedMessages,
        };
    }

    /// <summary>Problems with these options, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RedeliverInterval <= TimeSpan.Zero)
        {
            errors.Add(ConfigPath + ".redeliver-interval must be positive, was " + RedeliverInterval);
        }

        if (RedeliveryBurstLimit < 1)
        {
            errors.Add(ConfigPath + ".redelivery-burst-limit must be at least 1, was " + RedeliveryBurstLimit);
        }

        if (WarnAfterNumberOfUnconfirmedAttempts < 1)
        {
            errors.Add(ConfigPath + ".warn-after-number-of-unconfirmed-attempts must be at least 1, was " + WarnAfterNumberOfUnconfirmedAttempts);
        }

        if (MaxUnconfirmedMessages < 1)
        {
            errors.Add(ConfigPath + ".max-unconfirmed-messages must be at least 1, was " + MaxUnconfirmedMessages);
        }

        return errors;
    }
}
