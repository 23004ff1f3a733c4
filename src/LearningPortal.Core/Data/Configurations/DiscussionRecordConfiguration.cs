using LearningPortal.Core.Accounts;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class DiscussionRecordConfiguration : IEntityTypeConfiguration<DiscussionRecord>
{
    public void Configure(EntityTypeBuilder<DiscussionRecord> builder)
    {
        builder.ToTable("SupervisionRecords");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.SupervisorId).HasMaxLength(450);
        builder.Property(r => r.QuestionSetTitle).HasMaxLength(300).IsRequired();
        builder.Property(r => r.WhatHappened).HasMaxLength(8000);
        builder.Property(r => r.Reflection).HasMaxLength(8000);
        builder.Property(r => r.Learning).HasMaxLength(8000);
        builder.Property(r => r.WhatNext).HasMaxLength(8000);
        builder.Property(r => r.EscalationNote).HasMaxLength(4000);
        builder.HasIndex(r => r.SupervisorId);
        builder.HasIndex(r => r.HeldOn);

        // Records outlive the accounts in them (shown as a former user) and the sets they used.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.SupervisorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<QuestionSet>().WithMany().HasForeignKey(r => r.QuestionSetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Questions).WithOne().HasForeignKey(q => q.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne(a => a.Record).HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Reflections).WithOne().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<RecordAuditEntry>().WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
