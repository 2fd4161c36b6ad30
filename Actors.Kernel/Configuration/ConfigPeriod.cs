namespace Actors.Kernel.Configuration;

/// <summary>A date-based amount (HOCON period format): years, months and days (weeks are 7 days).</summary>
public sealed record ConfigPeriod(int Years, int Months, int Days);
