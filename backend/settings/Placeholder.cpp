// replaced by the settings area
