using LearningPortal.Core.Time;

namespace LearningPortal.Tests.Time;

public class UkTimeFormatTests
{
    [Theory]
    [InlineData(2026, 7, 10, 9, 0, "10 July 2026 at 10am")]
    [InlineData(2026, 7, 10, 11, 0, "10 July 2026 at 12pm")]
    [InlineData(2026, 1, 10, 9, 0, "10 January 2026 at 9am")]
    [InlineData(2026, 1, 10, 13, 30, "10 January 2026 at 1:30pm")]
    [InlineData(2026, 6, 30, 23, 5, "1 July 2026 at 12:05am")]
    public void Format_shows_uk_time_with_minutes_only_when_not_on_the_hour(int year, int month, int day, int hour, int minute, string expected)
    {
        var utc = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);

        Assert.Equal(expected, UkTime.Format(utc));
    }
}
