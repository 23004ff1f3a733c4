using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class AnonymousBriefingViewsConfiguration : IEntityTypeConfiguration<AnonymousBriefingViews>
{
    public void Configure(EntityTypeBuilder<AnonymousBriefingViews> builder)
    {
        builder.ToTable("ImpactAnonymousViews");
        builder.HasKey(v => new { v.DocumentId, v.Day });
    }
}
