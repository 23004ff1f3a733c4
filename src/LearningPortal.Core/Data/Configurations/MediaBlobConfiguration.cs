using LearningPortal.Core.Content.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> builder)
    {
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(32);
        builder.Property(b => b.Content).IsRequired();
    }
}
