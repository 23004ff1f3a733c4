using LearningPortal.Core.Reporting;
using Microsoft.Extensions.Configuration;

namespace LearningPortal.Tests.Reporting;

public class SmallNumbersTests
{
    [Fact]
    public void Threshold_is_the_reporting_setting_then_the_old_supervision_setting_then_three()
    {
        Assert.Equal(5, With(("Reporting:SuppressBelow", "5"), ("Supervision:SuppressBelow", "7")).Threshold);
        Assert.Equal(7, With(("Supervision:SuppressBelow", "7")).Threshold);
        Assert.Equal(3, With().Threshold);
    }

    [Fact]
    public void Counts_below_the_threshold_show_as_fewer_than_n()
    {
        var numbers = With(("Reporting:SuppressBelow", "5"));

        Assert.Equal("fewer than 5", numbers.Count(4).ToString());
        Assert.Equal("5", numbers.Count(5).ToString());
    }

    [Fact]
    public void A_second_cell_is_hidden_so_a_hidden_one_cannot_be_worked_out_from_the_total()
    {
        var numbers = With();

        // Total 10 shown elsewhere: 1 is hidden, and the next smallest (4) too, or 10 - 4 - 5 would give the 1 away.
        var cells = numbers.Cells([4, 1, 5]);
        var twoHidden = numbers.Cells([1, 2, 9]);
        var noneHidden = numbers.Cells([0, 4, 5]);

        Assert.Equal([null, null, 5], cells.Select(c => c.Value));
        Assert.Equal([null, null, 9], twoHidden.Select(c => c.Value));
        Assert.Equal([0, 4, 5], noneHidden.Select(c => c.Value));
        Assert.Equal([4, null, 5], numbers.Cells([4, 1, 5], totalIsShown: false).Select(c => c.Value));
    }

    private static SmallNumbers With(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
}
