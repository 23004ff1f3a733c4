using LearningPortal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Title).HasMaxLength(200).IsRequired();
        builder.Property(v => v.Slug).HasMaxLength(100).IsRequired();
        builder.Property(v => v.FieldsJson).IsRequired();
        builder.Property(v => v.Body).IsRequired();
        builder.Property(v => v.AuthorId).HasMaxLength(450);
        builder.Property(v => v.AuthorName).HasMaxLength(256);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.Property(v => v.ReviewedById).HasMaxLength(450);
        builder.Property(v => v.ReviewedByName).HasMaxLength(256);
        builder.Property(v => v.ReviewNote).HasMaxLength(1000);
        builder.Property(v => v.PublishedByName).HasMaxLength(256);
        // Two saves from the same starting point cannot both become version N.
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.HasMany(v => v.Questions).WithOne(q => q.Version).HasForeignKey(q => q.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
