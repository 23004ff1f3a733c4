using LearningPortal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ScheduledContentChangeConfiguration : IEntityTypeConfiguration<ScheduledContentChange>
{
    public void Configure(EntityTypeBuilder<ScheduledContentChange> builder)
    {
        builder.Property(s => s.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RequestedById).HasMaxLength(450);
        builder.Property(s => s.RequestedByName).HasMaxLength(256);
        builder.Property(s => s.LeaseOwner).HasMaxLength(100);
        builder.Property(s => s.Outcome).HasMaxLength(500);
        // The scheduler looks for open schedules that are due.
        builder.HasIndex(s => new { s.CompletedUtc, s.CancelledUtc, s.DueUtc });
        builder.HasOne(s => s.Document).WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
