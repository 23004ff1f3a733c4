using LearningPortal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Slug).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(200).IsRequired();
        builder.Property(d => d.PublishedTitle).HasMaxLength(200);
        builder.Property(d => d.PublishedSummary).HasMaxLength(600);
        builder.Property(d => d.ListingFormat).HasMaxLength(50);
        builder.Property(d => d.ListingThemes).HasMaxLength(500);
        builder.Property(d => d.ListingCategory).HasMaxLength(50);
        builder.Property(d => d.MediaReferences).HasMaxLength(2000);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Type, d.Slug }).IsUnique();
        // The public index pages: published documents of a type, newest first.
        builder.HasIndex(d => new { d.Type, d.State, d.ListingDate });
        builder.HasOne(d => d.PublishedVersion).WithMany().HasForeignKey(d => d.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Versions).WithOne(v => v.Document).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
