using LearningPortal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ContentRedirectConfiguration : IEntityTypeConfiguration<ContentRedirect>
{
    public void Configure(EntityTypeBuilder<ContentRedirect> builder)
    {
        builder.Property(r => r.FromPath).HasMaxLength(300).IsRequired();
        builder.Property(r => r.CreatedByName).HasMaxLength(256);
        builder.HasIndex(r => r.FromPath).IsUnique();
        builder.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
