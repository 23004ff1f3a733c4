using LearningPortal.Core.Accounts;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ParticipantReflectionConfiguration : IEntityTypeConfiguration<ParticipantReflection>
{
    public void Configure(EntityTypeBuilder<ParticipantReflection> builder)
    {
        builder.ToTable("SupervisionReflections");
        builder.Property(r => r.AuthorId).HasMaxLength(450);
        builder.Property(r => r.Text).HasMaxLength(8000).IsRequired();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
