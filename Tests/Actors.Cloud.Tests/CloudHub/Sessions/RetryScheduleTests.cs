using Actors.Cloud.Modules.CloudHub.Sessions;

namespace Actors.Cloud.Tests.CloudHub.Sessions;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeDue_MixedDeadlines_ReturnsOnlyDueOnesEarliestFirstAndKeepsTheRest()
    {
        var schedule = new RetrySchedule();
        schedule.Add(new RetryEntry("c", 3), T0.AddSeconds(9));
        schedule.Add(new RetryEntry("a", 1), T0.AddSeconds(5));
        schedule.Add(new RetryEntry("b", 2), T0.AddSeconds(7));

        var due = schedule.TakeDue(T0.AddSeconds(7));

        Assert.Equal([new RetryEntry("a", 1), new RetryEntry("b", 2)], due);
        Assert.Equal(1, schedule.Count);
        Assert.Equal(T0.AddSeconds(9), schedule.NextDue);
    }

    [Fact]
    public void TakeDue_NothingDue_ReturnsEmpty()
    {
        var schedule = new RetrySchedule();
        schedule.Add(new RetryEntry("a", 1), T0.AddSeconds(5));

        Assert.Empty(schedule.TakeDue(T0.AddSeconds(4)));
        Assert.Equal(T0.AddSeconds(5), schedule.NextDue);
    }

    [Fact]
    public void NextDue_Empty_IsNull()
    {
        Assert.Null(new RetrySchedule().NextDue);
    }

    [Fact]
    public void Compact_StaleEntries_AreDroppedAndLiveOnesKeepTheirDeadlines()
    {
        var schedule = new RetrySchedule();
        for (var i = 0; i < 100; i++)
        {
            schedule.Add(new RetryEntry("k" + i, i), T0.AddSeconds(100 - i));
        }

        schedule.Compact(e => e.Seq % 10 == 0);

        Assert.Equal(10, schedule.Count);
        Assert.Equal(T0.AddSeconds(10), schedule.NextDue); // entry 90 is the earliest live one
        var all = schedule.TakeDue(T0.AddSeconds(100));
        Assert.Equal([90L, 80, 70, 60, 50, 40, 30, 20, 10, 0], all.Select(e => e.Seq));
    }
}
