using LearningPortal.Core.Content.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(200).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(120).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(500);
        builder.Property(m => m.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(m => m.AccessKey).HasMaxLength(32).IsRequired();
        builder.Ignore(m => m.Address);
        builder.Property(m => m.UploadedByName).HasMaxLength(256);
        builder.HasIndex(m => m.FileName);
    }
}
