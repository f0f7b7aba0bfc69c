"""People in the window: the person dialog (new and edit), merging two records of one
person, the trash, and the actions and menus that reach them."""
