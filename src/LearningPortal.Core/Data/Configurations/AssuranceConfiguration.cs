using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class AssuranceRequestConfiguration : IEntityTypeConfiguration<AssuranceRequest>
{
    public void Configure(EntityTypeBuilder<AssuranceRequest> builder)
    {
        builder.ToTable("AssuranceRequests");
        builder.Property(r => r.Question).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.CreatedByName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Reminders).IsConcurrencyToken();
        builder.HasIndex(r => r.DueOn);
        builder.HasIndex(r => r.ActionId);
        // The request outlives its action's deletion (actions are not deleted today, but the link must not block it).
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Agencies).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssuranceRequestAgencyConfiguration : IEntityTypeConfiguration<AssuranceRequestAgency>
{
    public void Configure(EntityTypeBuilder<AssuranceRequestAgency> builder)
    {
        builder.ToTable("AssuranceRequestAgencies");
        builder.HasKey(a => new { a.RequestId, a.AgencyId });
        builder.HasIndex(a => a.AgencyId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssuranceAnswerConfiguration : IEntityTypeConfiguration<AssuranceAnswer>
{
    public void Configure(EntityTypeBuilder<AssuranceAnswer> builder)
    {
        builder.ToTable("AssuranceAnswers");
        builder.Property(a => a.Rating).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Narrative).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.Evidence).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.Links).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.UpdatedByName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        // One answer per agency per request: two leads starting at once cannot make two.
        builder.HasIndex(a => new { a.RequestId, a.AgencyId }).IsUnique();
        builder.HasIndex(a => a.AgencyId);
        builder.HasOne<AssuranceRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Files).WithOne().HasForeignKey(f => f.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssuranceAnswerRevisionConfiguration : IEntityTypeConfiguration<AssuranceAnswerRevision>
{
    public void Configure(EntityTypeBuilder<AssuranceAnswerRevision> builder)
    {
        builder.ToTable("AssuranceAnswerRevisions");
        builder.Property(r => r.AuthorUserId).HasMaxLength(450);
        builder.Property(r => r.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Rating).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Narrative).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Evidence).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Links).HasMaxLength(4000).IsRequired();
        builder.HasIndex(r => r.AnswerId);
        builder.HasOne<AssuranceAnswer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AssuranceEvidenceFileConfiguration : IEntityTypeConfiguration<AssuranceEvidenceFile>
{
    public void Configure(EntityTypeBuilder<AssuranceEvidenceFile> builder)
    {
        builder.ToTable("AssuranceEvidenceFiles");
        builder.Property(f => f.FileName).HasMaxLength(255).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(200).IsRequired();
        builder.HasIndex(f => f.Key).IsUnique();
        builder.HasIndex(f => f.RequestId);
    }
}
