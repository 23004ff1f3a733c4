using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("TrainingBookings");
        builder.Property(b => b.UserId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.AttendeeName).HasMaxLength(200).IsRequired();
        builder.Property(b => b.AttendeeEmail).HasMaxLength(256).IsRequired();
        builder.Property(b => b.JobRole).HasMaxLength(200).IsRequired();
        builder.Property(b => b.AccessNeeds).HasMaxLength(2000);
        builder.Property(b => b.DietaryNeeds).HasMaxLength(2000);
        builder.Property(b => b.LineManagerName).HasMaxLength(200);
        builder.Property(b => b.LineManagerEmail).HasMaxLength(256);
        builder.Property(b => b.CancelledByUserId).HasMaxLength(450);
        builder.Ignore(b => b.HoldsPlace);
        builder.Ignore(b => b.IsActive);

        // One booking per person per session: a double click cannot make two.
        builder.HasIndex(b => new { b.SessionId, b.UserId }).IsUnique();

        // Arrival numbers are unique within a session, so the waiting list has one order.
        builder.HasIndex(b => new { b.SessionId, b.QueueNumber }).IsUnique();
        // The waiting list in order, and how many are on it (a booking's place in it, counted under the session's lock on
        // every booking): without it each count read all the session's bookings.
        builder.HasIndex(b => new { b.SessionId, b.Status, b.QueueNumber });
        builder.HasIndex(b => new { b.UserId, b.Status });
        builder.HasIndex(b => b.CalendarUid).IsUnique();

        builder.HasOne(b => b.Session).WithMany(s => s.Bookings).HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.User).WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Agency).WithMany().HasForeignKey(b => b.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
