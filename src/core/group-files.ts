// Names of the files every group repository has, and what its .gitignore must keep out of git.

export const GROUP_GITIGNORE = `# Written by create-coop. Personal contact details and coop's working files stay out of git:
# back up private/ separately (see README.md).
/private/
/.coop/
`;
