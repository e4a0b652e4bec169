from opinion_desktop.app import main

raise SystemExit(main())
