using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>A bar chart and its data table: an id for the SVG's title and description, a title and the bars.</summary>
public sealed record BarChartView(string Id, string Title, IReadOnlyList<Bar> Bars);
