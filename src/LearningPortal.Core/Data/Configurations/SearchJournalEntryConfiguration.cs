using LearningPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class SearchJournalEntryConfiguration : IEntityTypeConfiguration<SearchJournalEntry>
{
    public void Configure(EntityTypeBuilder<SearchJournalEntry> builder)
    {
        builder.ToTable("SearchJournal");
        builder.Property(e => e.Kind).HasMaxLength(50).IsRequired();
        builder.Property(e => e.ItemId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Operation).HasConversion<string>().HasMaxLength(10);
        // Pruning removes old entries by age.
        builder.HasIndex(e => e.CreatedUtc);
    }
}
