using LearningPortal.Core.Accounts;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class RecordAuditEntryConfiguration : IEntityTypeConfiguration<RecordAuditEntry>
{
    public void Configure(EntityTypeBuilder<RecordAuditEntry> builder)
    {
        builder.ToTable("SupervisionRecordAudit");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.What).HasMaxLength(300).IsRequired();
        builder.HasIndex(a => new { a.RecordId, a.AtUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
