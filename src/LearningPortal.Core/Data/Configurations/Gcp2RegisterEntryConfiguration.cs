using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class Gcp2RegisterEntryConfiguration : IEntityTypeConfiguration<Gcp2RegisterEntry>
{
    public void Configure(EntityTypeBuilder<Gcp2RegisterEntry> builder)
    {
        builder.ToTable("Gcp2Register");
        builder.Property(g => g.UserId).HasMaxLength(450).IsRequired();
        builder.Property(g => g.PractitionerName).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.BookingId).IsUnique();
        builder.HasIndex(g => new { g.UserId, g.TrainedOnUtc });
        builder.HasIndex(g => g.RefresherDueUtc);
        builder.HasOne(g => g.Agency).WithMany().HasForeignKey(g => g.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Course).WithMany().HasForeignKey(g => g.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(g => g.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Booking>().WithMany().HasForeignKey(g => g.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
