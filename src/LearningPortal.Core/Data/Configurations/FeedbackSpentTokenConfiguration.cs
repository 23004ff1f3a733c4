using LearningPortal.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class FeedbackSpentTokenConfiguration : IEntityTypeConfiguration<FeedbackSpentToken>
{
    public void Configure(EntityTypeBuilder<FeedbackSpentToken> builder)
    {
        // The marker itself is the key: no sequence number that could be lined up with response ids.
        builder.HasKey(t => t.Marker);
        builder.Property(t => t.Marker).HasMaxLength(64);
    }
}
