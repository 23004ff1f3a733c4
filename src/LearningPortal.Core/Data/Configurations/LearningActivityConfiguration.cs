using LearningPortal.Core.Accounts;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class LearningActivityConfiguration : IEntityTypeConfiguration<LearningActivity>
{
    public void Configure(EntityTypeBuilder<LearningActivity> builder)
    {
        builder.ToTable("ImpactLearningActivities");
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Hours).HasPrecision(6, 2);
        builder.Property(a => a.WhatILearned).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.HowItChangesMyPractice).HasMaxLength(4000).IsRequired();
        builder.HasIndex(a => new { a.UserId, a.On });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
