using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>The report's period, as chosen (day, month, year) or by default the last three months up to today.</summary>
public sealed class ReportPeriod
{
    /// <summary>The query that asks for the period (and a plan, for the CSV), as route values, to carry it from page to page.</summary>
    public static Dictionary<string, string> Route(DateOnly since, DateOnly until, int? plan = null)
    {
        var route = new Dictionary<string, string>
        {
            ["Period.Since.Day"] = since.Day.ToString(CultureInfo.InvariantCulture),
            ["Period.Since.Month"] = since.Month.ToString(CultureInfo.InvariantCulture),
            ["Period.Since.Year"] = since.Year.ToString(CultureInfo.InvariantCulture),
            ["Period.Until.Day"] = until.Day.ToString(CultureInfo.InvariantCulture),
            ["Period.Until.Month"] = until.Month.ToString(CultureInfo.InvariantCulture),
            ["Period.Until.Year"] = until.Year.ToString(CultureInfo.InvariantCulture),
        };
        if (plan is { } p)
        {
            route["Period.Plan"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return route;
    }

    public DateInput Since { get; set; } = new();

    public DateInput Until { get; set; } = new();

    /// <summary>For the CSV: only this plan's actions and returns.</summary>
    public int? Plan { get; set; }

    /// <summary>The dates to report on; errors go on the form (in field order) and the default is used instead.</summary>
    public (DateOnly Since, DateOnly Until) Read(DateOnly today, ModelStateDictionary modelState, string prefix)
    {
        var until = today;
        var since = today.AddMonths(-3);
        if (!Until.IsEmpty && Until.ToDate() is { } u)
        {
            until = u;
        }

        if (!Since.IsEmpty)
        {
            if (Since.ToDate() is { } s)
            {
                since = s;
            }
            else
            {
                modelState.AddModelError(prefix + nameof(Since), "Changes since must be a real date");
            }
        }

        if (!Until.IsEmpty && Until.ToDate() is null)
        {
            modelState.AddModelError(prefix + nameof(Until), "Up to must be a real date");
        }

        if (until < since)
        {
            modelState.AddModelError(prefix + nameof(Until), "Up to must be the same as or after changes since");
            until = today;
            since = today.AddMonths(-3);
        }

        return (since, until);
    }
}
