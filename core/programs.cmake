# Running the user's own programs inside the lab (socklab lab).
