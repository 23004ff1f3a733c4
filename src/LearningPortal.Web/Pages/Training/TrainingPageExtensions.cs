using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training;

/// <summary>What the training pages share: how a booking's state is shown.</summary>
public static class TrainingPageExtensions
{
    /// <summary>A GOV.UK tag's text and colour for a booking.</summary>
    public static (string Text, string Css) Tag(this Booking booking) => booking.Session?.IsCancelled == true
        ? ("Session cancelled", "govuk-tag--red")
        : booking.Status switch
        {
            BookingStatus.Confirmed => ("Booked", "govuk-tag--green"),
            BookingStatus.PendingApproval => ("Waiting for approval", "govuk-tag--yellow"),
            BookingStatus.Waitlisted => ("Waiting list", "govuk-tag--blue"),
            BookingStatus.Cancelled => ("Cancelled", "govuk-tag--grey"),
            BookingStatus.Declined => ("Not approved", "govuk-tag--red"),
            _ => ("Approval expired", "govuk-tag--grey"),
        };

    /// <summary>"4 places left", "1 place left" or "Full".</summary>
    public static string PlacesText(this TrainingSession session) => session.PlacesLeft switch
    {
        0 => "Full: you can join the waiting list",
        1 => "1 place left",
        var n => $"{n} places left",
    };
}
