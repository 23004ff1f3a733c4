using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        // The booking service locks rows of this table by name (SELECT ... FOR UPDATE on PostgreSQL).
        builder.ToTable("TrainingSessions", t =>
        {
            // The database refuses an overbooked session even if the code were wrong.
            t.HasCheckConstraint("CK_TrainingSessions_PlacesTaken", "\"PlacesTaken\" >= 0 AND \"PlacesTaken\" <= \"Capacity\"");
            t.HasCheckConstraint("CK_TrainingSessions_Times", "\"EndUtc\" > \"StartUtc\"");
        });
        builder.Property(s => s.Venue).HasMaxLength(300);
        builder.Property(s => s.JoiningLink).HasMaxLength(500);
        builder.Property(s => s.Trainer).HasMaxLength(200).IsRequired();
        builder.Property(s => s.CancellationReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.PlacesLeft);
        builder.Ignore(s => s.Where);
        builder.HasOne(s => s.Course).WithMany(c => c.Sessions).HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.StartUtc);
    }
}
