using LearningPortal.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100).IsRequired();
        builder.Property(a => a.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(a => a.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
        builder.HasIndex(a => a.OccurredUtc);
    }
}
