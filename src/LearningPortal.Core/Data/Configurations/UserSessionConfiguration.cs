using LearningPortal.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.BrowserKeyHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Browser).HasMaxLength(100).IsRequired();
        builder.Property(s => s.UserAgent).HasMaxLength(512).IsRequired();
        builder.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.EndedUtc });

        // Sessions belong to the account: deleting the account deletes them.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
