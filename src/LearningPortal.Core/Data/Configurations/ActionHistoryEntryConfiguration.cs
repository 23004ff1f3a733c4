using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ActionHistoryEntryConfiguration : IEntityTypeConfiguration<ActionHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ActionHistoryEntry> builder)
    {
        builder.ToTable("ActionHistory");
        builder.Property(h => h.ActorUserId).HasMaxLength(450);
        builder.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(h => h.What).HasMaxLength(2000).IsRequired();
        builder.HasIndex(h => new { h.ActionId, h.OccurredUtc });
        builder.HasIndex(h => h.OccurredUtc);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(h => h.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
